package com.autochec.report.webhook;

import com.autochec.contracts.check.CheckCompleted;
import com.autochec.contracts.check.ReasonCodes;
import com.autochec.contracts.document.ExpiryAlertRaised;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * From the events Autochec publishes to the webhook events organisations subscribe to, and who receives them:
 * <ul>
 *   <li>a check ({@code CheckCompleted}) made by an agent of an organisation gives CHECK_FAILED (verdict FAIL),
 *       FRAUD_SIGNAL (a fraud-signal code at WARNING or FAIL) and STOLEN_VEHICLE_CHECKED (REPORTED_STOLEN), for that
 *       organisation's endpoints only; checks without an organisation (public, owners, admins) give none;
 *   <li>an expiry alert ({@code ExpiryAlertRaised}) gives EXPIRY_ALERT for the platform's own endpoints
 *       ({@link #PLATFORM_ORGANISATION}) and, when the vehicle's holder is a company, for the organisation of that
 *       name (a rental or fleet company registered as an organisation).
 * </ul>
 * Payloads carry what the receiving organisation's agents may see and no more: plate, check id, verdict, codes and
 * severities, the document type and dates — never a holder's name, town, address or account, nor the reasons'
 * evidence (which may name other checks' places). Each webhook event id is derived from the source event id and the
 * type (a name-based UUID): a redelivered source event gives the same ids, hence no second delivery.
 */
final class WebhookEvents {

    /** The organisation name under which the platform operator registers its own endpoints (expiry alerts). */
    static final String PLATFORM_ORGANISATION = "Autochec";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> ALERTING = Set.of("WARNING", "FAIL");

    private WebhookEvents() {}

    /** A reason as webhooks carry it: its code and severity, no message or evidence. */
    record Code(String code, String severity) {}

    /** One webhook event: its id, type, the organisations (keys) it goes to, and the body every endpoint gets. */
    record Outgoing(String eventId, WebhookEventType type, List<String> organisationKeys, String body) {}

    static List<Outgoing> of(CheckCompleted check) {
        String organisation = check.requester() == null ? null : check.requester().organisation();
        if (organisation == null || organisation.isBlank() || check.eventId() == null) return List.of();
        List<CheckCompleted.Reason> reasons = check.reasons() == null ? List.of() : check.reasons();
        List<String> signals = reasons.stream()
                .filter(r -> ReasonCodes.isFraudSignal(r.code()) && ALERTING.contains(r.severity()))
                .map(CheckCompleted.Reason::code).distinct().toList();
        boolean stolen = reasons.stream().anyMatch(r -> ReasonCodes.REPORTED_STOLEN.equals(r.code()));
        List<String> to = List.of(WebhookEndpoint.keyOf(organisation));
        List<Outgoing> out = new ArrayList<>();
        if ("FAIL".equals(check.verdict())) out.add(checkEvent(check, WebhookEventType.CHECK_FAILED, to, null));
        if (!signals.isEmpty()) out.add(checkEvent(check, WebhookEventType.FRAUD_SIGNAL, to, signals));
        if (stolen) out.add(checkEvent(check, WebhookEventType.STOLEN_VEHICLE_CHECKED, to, null));
        return out;
    }

    static List<Outgoing> of(ExpiryAlertRaised alert) {
        if (alert.eventId() == null) return List.of();
        List<String> to = new ArrayList<>(List.of(WebhookEndpoint.keyOf(PLATFORM_ORGANISATION)));
        if ("COMPANY".equalsIgnoreCase(alert.holderKind()) && alert.companyName() != null && !alert.companyName().isBlank()) {
            String company = WebhookEndpoint.keyOf(alert.companyName());
            if (!to.contains(company)) to.add(company);
        }
        String id = eventId(alert.eventId(), WebhookEventType.EXPIRY_ALERT);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alert.eventId());
        data.put("documentId", alert.documentId());
        data.put("plate", alert.plate());
        data.put("documentType", alert.documentType() == null ? null : alert.documentType().name());
        data.put("validUntil", alert.validUntil() == null ? null : alert.validUntil().toString());
        data.put("thresholdDays", alert.thresholdDays());
        return List.of(new Outgoing(id, WebhookEventType.EXPIRY_ALERT, List.copyOf(to),
                body(id, WebhookEventType.EXPIRY_ALERT, alert.occurredAt(), "alert", data)));
    }

    private static Outgoing checkEvent(CheckCompleted check, WebhookEventType type, List<String> to, List<String> signals) {
        String id = eventId(check.eventId(), type);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("checkId", check.checkId());
        data.put("plate", check.plate());
        data.put("verdict", check.verdict());
        data.put("source", check.source());
        data.put("requestedAt", check.requestedAt() == null ? null : check.requestedAt().toString());
        data.put("reasons", check.reasons() == null ? List.of() : check.reasons().stream()
                .map(r -> new Code(r.code(), r.severity())).toList());
        if (signals != null) data.put("signals", signals);
        return new Outgoing(id, type, to, body(id, type, check.occurredAt(), "check", data));
    }

    private static String body(String id, WebhookEventType type, java.time.Instant occurredAt, String name,
            Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type.name());
        body.put("occurredAt", occurredAt == null ? null : occurredAt.toString());
        body.put(name, data);
        return JSON.writeValueAsString(body);
    }

    /** The webhook event id: a name-based UUID of the source event id and the type. */
    static String eventId(String sourceEventId, WebhookEventType type) {
        return UUID.nameUUIDFromBytes((sourceEventId + "/" + type.name()).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
