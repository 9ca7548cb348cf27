package com.autochec.verification.rules;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import java.time.LocalDate;

/**
 * What the rules need to know about one document. {@code validFrom}/{@code validUntil} are the dates
 * the admin confirmed when validating it (document-service publishes only confirmed dates); for an
 * inspection {@code validFrom} is the visit and {@code validUntil} the next due date, and {@code result}
 * is FAVOURABLE, UNFAVOURABLE, COUNTER_VISIT or CRITICAL. {@code asOf}: when this state was last
 * published (the "as of" of a validity).
 */
public record DocumentFacts(
        String documentId,
        DocumentType type,
        DocumentStatus status,
        String vin,
        String plate,
        String issuer,
        String reference,
        LocalDate validFrom,
        LocalDate validUntil,
        String result,
        LocalDate asOf) {

    /** Without id, VIN, issuer, reference and as-of (tests). */
    public DocumentFacts(
            DocumentType type, DocumentStatus status, String plate, LocalDate validFrom, LocalDate validUntil, String result) {
        this(null, type, status, null, plate, null, null, validFrom, validUntil, result, null);
    }

    /** Validated by an admin: PENDING and REJECTED documents never count. */
    public boolean validated() {
        return status == DocumentStatus.VALIDATED;
    }

    /** Validated with a confirmed end of validity: the only documents a validity rule counts. */
    public boolean confirmed() {
        return validated() && validUntil != null;
    }

    /** Confirmed and in force on {@code day}. */
    public boolean inForceOn(LocalDate day) {
        return confirmed() && (validFrom == null || !validFrom.isAfter(day)) && !validUntil.isBefore(day);
    }

    /** Confirmed but its validity ended before {@code day}. */
    public boolean expiredOn(LocalDate day) {
        return confirmed() && validUntil.isBefore(day);
    }

    /**
     * Valid on {@code day}: in force and, for an inspection, favourable. A registration certificate has no
     * end of validity: validated is valid.
     */
    public boolean validOn(LocalDate day) {
        if (type == DocumentType.REGISTRATION) {
            return validated() && (validUntil == null || !validUntil.isBefore(day));
        }
        return inForceOn(day) && (type != DocumentType.INSPECTION || !unfavourable());
    }

    boolean unfavourable() {
        return "UNFAVOURABLE".equalsIgnoreCase(result)
                || "COUNTER_VISIT".equalsIgnoreCase(result)
                || "CRITICAL".equalsIgnoreCase(result);
    }

    boolean critical() {
        return "CRITICAL".equalsIgnoreCase(result);
    }

    /** An annual tax receipt ({@code ROAD_TAX}, or {@code TAX} should the type be renamed). */
    boolean tax() {
        return type != null && (type.name().equals("ROAD_TAX") || type.name().equals("TAX"));
    }

    /** Who says so: the document, its issuer and reference. */
    String source() {
        StringBuilder s = new StringBuilder("document");
        if (issuer != null && !issuer.isBlank()) {
            s.append(' ').append(issuer);
        }
        if (reference != null && !reference.isBlank()) {
            s.append(' ').append(reference);
        }
        if (documentId != null) {
            s.append(" (").append(documentId).append(')');
        }
        return s.toString();
    }
}
