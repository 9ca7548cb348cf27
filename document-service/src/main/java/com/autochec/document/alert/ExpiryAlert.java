package com.autochec.document.alert;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An expiry alert: one per (document, threshold), guaranteed by a unique index on {@code (documentId,
 * threshold)} (and the id {@code <documentId>_<threshold>}); created by an insert that fails on a duplicate,
 * never by a check-then-insert. {@code delivered} turns true once the notification and e-mail are queued;
 * {@code published} once {@link com.autochec.contracts.Topics#EXPIRY_ALERTS} acknowledged its
 * {@link com.autochec.contracts.document.ExpiryAlertRaised} (the alert is its own outbox entry; alerts written
 * before the topic existed have no such field and are never published). {@code holderKind} and
 * {@code companyName} (only for a company holder) travel on the event, for webhooks.
 */
@Document(ExpiryAlert.COLLECTION)
record ExpiryAlert(@Id String id, String documentId, int threshold, String accountId, String vin, String plate,
        String type, LocalDate validUntil, Instant createdAt, boolean delivered, String holderKind, String companyName,
        boolean published) {

    static final String COLLECTION = "expiry_alerts";

    static String idOf(String documentId, int threshold) {
        return documentId + "_" + threshold;
    }
}
