package com.autochec.contracts.document;

import java.time.Instant;
import java.time.LocalDate;

/**
 * document-service raised an expiry alert (key documentId): a validated document of a vehicle reaches the end of its
 * confirmed validity within {@code thresholdDays} days (30, 7, 1 or 0). One per (document, threshold): {@code eventId}
 * is the alert's id ({@code <documentId>_<threshold>}), so a redelivery carries the same id.
 *
 * <p>No person data: neither the holder's name nor their account. {@code holderKind} is the registry's owner kind
 * (PERSON or COMPANY); {@code companyName} is the holder's name only when the holder is a company (a legal person's
 * name, e.g. a rental or fleet company), else null.
 */
public record ExpiryAlertRaised(
        String eventId,
        Instant occurredAt,
        String documentId,
        String plate,
        DocumentType documentType,
        LocalDate validUntil,
        int thresholdDays,
        String holderKind,
        String companyName) {}
