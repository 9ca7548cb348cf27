package com.autochec.verification.rules;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import java.time.LocalDate;

/**
 * What the rules need to know about one document. {@code result} is the inspection result
 * (FAVOURABLE, UNFAVOURABLE, COUNTER_VISIT) for inspections, null otherwise.
 */
public record DocumentFacts(
        DocumentType type,
        DocumentStatus status,
        String plate,
        LocalDate validFrom,
        LocalDate validUntil,
        String result) {

    /** Validated and in force on {@code day}: PENDING and REJECTED documents never count. */
    public boolean inForceOn(LocalDate day) {
        return status == DocumentStatus.VALIDATED
                && (validFrom == null || !validFrom.isAfter(day))
                && (validUntil == null || !validUntil.isBefore(day));
    }

    /** Validated but its validity ended before {@code day}. */
    public boolean expiredOn(LocalDate day) {
        return status == DocumentStatus.VALIDATED && validUntil != null && validUntil.isBefore(day);
    }

    /**
     * Valid on {@code day}: in force and, for an inspection, not unfavourable (an unfavourable
     * inspection only leaves time for a counter-visit).
     */
    public boolean validOn(LocalDate day) {
        return inForceOn(day) && (type != DocumentType.INSPECTION || !unfavourable());
    }

    boolean unfavourable() {
        return "UNFAVOURABLE".equalsIgnoreCase(result) || "COUNTER_VISIT".equalsIgnoreCase(result);
    }
}
