package com.autochec.report.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An organisation's HTTPS endpoint and the events it subscribed to. {@code organisation} is the organisation's name
 * as agents' tokens and {@code CheckCompleted.requester.organisation} carry it; {@code organisationKey} its
 * normalised form (trimmed, single spaces, lower case — auth-service's own key of names). {@code secret} signs the
 * deliveries: kept as is because signing needs it (docs/webhooks.md); never returned after creation or rotation.
 * Deleting an endpoint disables it ({@code active: false}): its delivery log stays.
 */
@Document(WebhookEndpoint.COLLECTION)
record WebhookEndpoint(
        @Id String id,
        String organisation,
        String organisationKey,
        String url,
        List<WebhookEventType> events,
        String description,
        String secret,
        boolean active,
        Instant createdAt,
        String createdBy,
        Instant secretRotatedAt) {

    static final String COLLECTION = "webhook_endpoints";

    static String keyOf(String organisation) {
        return organisation == null ? null : organisation.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
