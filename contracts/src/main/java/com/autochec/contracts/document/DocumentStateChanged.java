package com.autochec.contracts.document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The full current state of one vehicle document (compacted topic, key documentId). Documents are
 * linked to vehicles by VIN. {@code deleted} marks a removed document.
 *
 * <p><b>Validity is only ever confirmed data.</b> {@code validFrom}, {@code validUntil} and {@code result}
 * are set only once confirmed: by an admin when validating an upload (the dates the OCR proposed, confirmed or
 * corrected) or by an authoritative import. A reading's proposals never appear here: a {@code PENDING} upload
 * has them null. A document is in force on a day only when {@code status == VALIDATED}, {@code datesConfirmed}
 * and the day lies within {@code [validFrom, validUntil]} (a null {@code validUntil} is never "valid", except
 * for a REGISTRATION certificate which has no end). For INSPECTION (CT), {@code validUntil} is the next due date
 * (for a {@code COUNTER_VISIT}, the deadline of the counter-visit, two months after the visit) and {@code result}
 * is FAVOURABLE, UNFAVOURABLE or COUNTER_VISIT; null for other types. A new upload never replaces the previous
 * validated document: both exist until the new one is validated.
 *
 * @param datesConfirmed true when validFrom/validUntil/result were confirmed (admin validation or import)
 * @param confirmedAt    when they were confirmed (the "as of" of the document's validity), else null
 * @param source         where the document came from: IMPORT (an authoritative data source) or UPLOAD
 * @param flags          cross-check mismatches between what was read on the document and the vehicle
 *                       (VIN_MISMATCH, PLATE_MISMATCH, HOLDER_MISMATCH, DATES_IMPLAUSIBLE...), empty if none
 */
public record DocumentStateChanged(
        String eventId,
        Instant occurredAt,
        String documentId,
        long version,
        String vin,
        String plate,
        DocumentType type,
        DocumentStatus status,
        String issuer,
        String reference,
        LocalDate validFrom,
        LocalDate validUntil,
        String result,
        boolean deleted,
        boolean datesConfirmed,
        Instant confirmedAt,
        String source,
        List<String> flags) {

    public DocumentStateChanged {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /**
     * The former shape (before {@code datesConfirmed}, {@code confirmedAt}, {@code source}, {@code flags}):
     * dates count as confirmed when the document is validated and carries them.
     */
    public DocumentStateChanged(
            String eventId,
            Instant occurredAt,
            String documentId,
            long version,
            String vin,
            String plate,
            DocumentType type,
            DocumentStatus status,
            String issuer,
            String reference,
            LocalDate validFrom,
            LocalDate validUntil,
            String result,
            boolean deleted) {
        this(eventId, occurredAt, documentId, version, vin, plate, type, status, issuer, reference, validFrom,
                validUntil, result, deleted,
                status == DocumentStatus.VALIDATED && (validFrom != null || validUntil != null), null, null, List.of());
    }
}
