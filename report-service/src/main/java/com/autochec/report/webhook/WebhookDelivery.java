package com.autochec.report.webhook;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event for one endpoint, and how its delivery went. The id is {@code <endpointId>:<eventId>} and
 * {@code (endpointId, eventId)} is unique: an event seen twice (a Kafka redelivery) is recorded, and sent, once.
 * {@code body} is the exact JSON that is signed and sent. PENDING waits for {@code nextAttemptAt}; SENDING is claimed
 * by an instance until {@code nextAttemptAt} (its lease); DELIVERED got a 2xx; FAILED gave up after the last attempt;
 * CANCELLED: the endpoint was deleted before it could be sent.
 */
@Document(WebhookDelivery.COLLECTION)
record WebhookDelivery(
        @Id String id,
        String endpointId,
        String eventId,
        WebhookEventType eventType,
        String body,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Instant createdAt,
        Instant deliveredAt) {

    static final String COLLECTION = "webhook_deliveries";

    enum Status { PENDING, SENDING, DELIVERED, FAILED, CANCELLED }

    static String idOf(String endpointId, String eventId) {
        return endpointId + ":" + eventId;
    }
}
