package com.autochec.report.webhook;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * Turns each webhook event into one PENDING delivery per subscribed endpoint (insert-if-absent on the unique
 * {@code (endpointId, eventId)}: a redelivered Kafka record changes nothing), then wakes the sender.
 */
@Component
class WebhookDispatcher {

    private final WebhookStore store;
    private final WebhookSender sender;
    private final Clock clock;

    WebhookDispatcher(WebhookStore store, WebhookSender sender, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.clock = clock;
    }

    /** Records the deliveries of these events; returns how many were new. */
    int dispatch(java.util.List<WebhookEvents.Outgoing> events) {
        int created = 0;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (WebhookEvents.Outgoing event : events) {
            for (WebhookEndpoint endpoint : store.subscribers(event.organisationKeys(), event.type())) {
                var delivery = new WebhookDelivery(WebhookDelivery.idOf(endpoint.id(), event.eventId()), endpoint.id(),
                        event.eventId(), event.type(), event.body(), WebhookDelivery.Status.PENDING, 0, now, null, null,
                        now, null);
                if (store.insertIfAbsent(delivery)) created++;
            }
        }
        if (created > 0) sender.kick();
        return created;
    }
}
