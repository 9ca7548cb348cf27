package com.autochec.contracts.document;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The full current state of one vehicle document (compacted topic, key documentId). Documents are
 * linked to vehicles by VIN. {@code result} is the inspection result (FAVOURABLE, UNFAVOURABLE,
 * COUNTER_VISIT) for INSPECTION documents, null otherwise. {@code deleted} marks a removed document.
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
        boolean deleted) {}
