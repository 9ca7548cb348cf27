package com.autochec.report.webhook;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import com.autochec.platform.security.Caller;
import com.autochec.report.config.ReportProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Registering, listing, deleting endpoints, rotating their secret, reading their delivery log: admins only. */
@Service
class Webhooks {

    static final int MAX_DESCRIPTION = 200;
    static final int MAX_ORGANISATION = 200;
    static final int LOG_SIZE = 100;

    private final WebhookStore store;
    private final WebhookUrls urls;
    private final Clock clock;

    Webhooks(WebhookStore store, ReportProperties properties, Clock clock) {
        this.store = store;
        this.urls = new WebhookUrls(properties.webhooks().allowInsecureLocalhost());
        this.clock = clock;
    }

    record Registration(String organisation, String url, List<String> events, String description) {}

    /** An endpoint as the API shows it; {@code secret} only in the answers of creation and rotation. */
    record EndpointView(String id, String organisation, String url, List<WebhookEventType> events, String description,
            boolean active, Instant createdAt, Instant secretRotatedAt, String secret) {

        static EndpointView of(WebhookEndpoint e, String secret) {
            return new EndpointView(e.id(), e.organisation(), e.url(), e.events(), e.description(), e.active(),
                    e.createdAt(), e.secretRotatedAt(), secret);
        }
    }

    record DeliveryView(String eventId, WebhookEventType eventType, WebhookDelivery.Status status, int attempts,
            Integer lastStatusCode, String lastError, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt) {

        static DeliveryView of(WebhookDelivery d) {
            boolean waiting = d.status() == WebhookDelivery.Status.PENDING || d.status() == WebhookDelivery.Status.SENDING;
            return new DeliveryView(d.eventId(), d.eventType(), d.status(), d.attempts(), d.lastStatusCode(), d.lastError(),
                    waiting ? d.nextAttemptAt() : null, d.createdAt(), d.deliveredAt());
        }
    }

    EndpointView register(Registration request, Caller caller) {
        requireAdmin(caller);
        if (request == null) throw ApiProblem.malformed("Corps JSON attendu : {organisation, url, events, description}.");
        List<FieldError> errors = new ArrayList<>();
        String organisation = request.organisation() == null ? "" : request.organisation().strip().replaceAll("\\s+", " ");
        if (organisation.isEmpty()) errors.add(new FieldError("organisation", "organisation obligatoire"));
        else if (organisation.length() > MAX_ORGANISATION) errors.add(new FieldError("organisation", "trop long"));
        urls.problem(request.url()).ifPresent(problem -> errors.add(new FieldError("url", problem)));
        Set<WebhookEventType> events = new LinkedHashSet<>();
        if (request.events() == null || request.events().isEmpty()) {
            errors.add(new FieldError("events", "au moins un événement"));
        } else {
            for (String event : request.events()) {
                try {
                    events.add(WebhookEventType.valueOf(String.valueOf(event).strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException unknown) {
                    errors.add(new FieldError("events", "événement inconnu : " + event + " (CHECK_FAILED, FRAUD_SIGNAL, "
                            + "STOLEN_VEHICLE_CHECKED, EXPIRY_ALERT)"));
                }
            }
        }
        String description = request.description() == null ? null : request.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "au plus " + MAX_DESCRIPTION + " caractères"));
        }
        if (!errors.isEmpty()) throw ApiProblem.validation(errors);
        String secret = WebhookSignature.newSecret();
        var endpoint = new WebhookEndpoint(UUID.randomUUID().toString(), organisation, WebhookEndpoint.keyOf(organisation),
                request.url().strip(), List.copyOf(events), description, secret, true, now(), caller.username(), null);
        store.insert(endpoint);
        return EndpointView.of(endpoint, secret);
    }

    List<EndpointView> list(String organisation, Caller caller) {
        requireAdmin(caller);
        String key = organisation == null || organisation.isBlank() ? null : WebhookEndpoint.keyOf(organisation);
        return store.active(key).stream().map(e -> EndpointView.of(e, null)).toList();
    }

    void delete(String id, Caller caller) {
        requireAdmin(caller);
        if (!store.disable(id)) throw notFound(id);
    }

    EndpointView rotateSecret(String id, Caller caller) {
        requireAdmin(caller);
        String secret = WebhookSignature.newSecret();
        if (!store.rotateSecret(id, secret, now())) throw notFound(id);
        return EndpointView.of(store.endpoint(id).orElseThrow(() -> notFound(id)), secret);
    }

    List<DeliveryView> deliveries(String id, Caller caller) {
        requireAdmin(caller);
        store.endpoint(id).orElseThrow(() -> notFound(id));
        return store.deliveries(id, LOG_SIZE).stream().map(DeliveryView::of).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) throw ApiProblem.forbidden("Seuls les administrateurs gèrent les webhooks.");
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("Aucun webhook actif avec l'identifiant " + id + ".");
    }
}
