package com.autochec.audit.log;

import com.autochec.contracts.audit.AuditEvent;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an {@link AuditEvent} (any audit topic) into an (unchained) audit entry. Postal addresses and e-mail
 * addresses never reach the trail: fields named like one are dropped from before/after, and anything shaped like
 * an e-mail address in a kept value or the detail is replaced.
 */
final class AuditEventAudit {

    static final int MAX_TEXT = 500;
    static final String REMOVED = "[retiré]";
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
    /** Field names (any case, any nesting) holding a postal address or a contact. */
    private static final Pattern CONTACT_FIELD = Pattern.compile(
            "(?i).*(street|address|adresse|postal|postcode|zip|e-?mail|courriel|phone|telephone|mobile|rue).*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditEventAudit() {}

    static AuditEntry draft(AuditEvent event) {
        if (event == null) throw new InvalidAuditEvent("empty AuditEvent");
        if (event.eventId() == null || event.eventId().isBlank()) throw new InvalidAuditEvent("AuditEvent without eventId");
        if (event.occurredAt() == null) throw new InvalidAuditEvent("AuditEvent " + event.eventId() + " without occurredAt");
        if (event.action() == null || event.action().isBlank() || event.action().length() > 64) {
            throw new InvalidAuditEvent("AuditEvent " + event.eventId() + " without a valid action");
        }
        if (AuditEntry.CHECK_PERFORMED.equals(event.action())) {
            throw new InvalidAuditEvent("AuditEvent " + event.eventId() + ": checks arrive as CheckCompleted");
        }
        AuditEvent.Actor a = event.actor();
        AuditEntry.Actor actor = a == null
                ? new AuditEntry.Actor(null, null, "public", null, null)
                : new AuditEntry.Actor(a.subject(), a.username(),
                        a.role() == null ? "public" : a.role().toLowerCase(Locale.ROOT), a.organisation(),
                        a.organisationKind());
        AuditEntry.Details details = new AuditEntry.Details(
                clean(event.purposeText()), event.personData(), event.resourceType(), event.resourceId(),
                event.outcome(), json(event.before()), json(event.after()), clean(event.detail()));
        return new AuditEntry(UUID.randomUUID().toString(), 0, event.eventId(),
                event.occurredAt().truncatedTo(ChronoUnit.MILLIS), null, event.action(), null, event.plate(),
                AuditEntry.plateKey(event.plate()), null, null, actor, event.purpose(), null, event.vehicleId(),
                event.subjectAccountId(), null, details, null, null, null);
    }

    /** Canonical JSON (keys sorted at every level), contact fields removed; null for no change. */
    static String json(Map<String, Object> fields) {
        if (fields == null || fields.isEmpty()) return null;
        return JSON.writeValueAsString(scrub(fields));
    }

    private static Object scrub(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (!CONTACT_FIELD.matcher(key).matches()) sorted.put(key, scrub(v));
            });
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(scrub(v)));
            return out;
        }
        if (value instanceof String text) return clean(text);
        return value;
    }

    static String clean(String text) {
        if (text == null) return null;
        String cleaned = EMAIL.matcher(text).replaceAll(REMOVED);
        return cleaned.length() > MAX_TEXT ? cleaned.substring(0, MAX_TEXT) : cleaned;
    }
}
