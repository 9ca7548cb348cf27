package com.autochec.auth.audit;

import com.autochec.contracts.audit.AuditAction;
import com.autochec.contracts.audit.AuditEvent;
import com.autochec.auth.directory.UserDirectory;
import com.autochec.platform.outbox.OutboxWritten;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * auth-service's audit trail: every admin action (accounts, organisations) and every claim filed or decided
 * becomes an {@link AuditEvent} published by the platform's outbox relay on
 * {@link com.autochec.contracts.Topics#ACCOUNT_AUDIT} (at once, and by the sweep after a broker outage or a
 * restart). Audit-service is idempotent by event id.
 *
 * <ul>
 *   <li>Admin actions change Keycloak, which cannot share a write with MongoDB: {@link #audited} stores the
 *       intent ({@code outcome} {@value #REQUESTED}) in the {@code audit_outbox} collection <em>before</em> the
 *       change, and its outcome after it — the action's code when it succeeded, {@value #FAILED} when it did not.
 *       An intent with no outcome means the process stopped in between: the change is unknown (docs/audit.md).
 *   <li>Claims live in MongoDB: their events are built here ({@link #event}) and written in the claim document
 *       itself, in the same write as the change ({@code ClaimAuditConfig}).
 * </ul>
 */
@Service
public class AuditTrail {

    /** The outcome of an intent stored before an admin action. */
    public static final String REQUESTED = "REQUESTED";
    /** The outcome of an admin action that did not happen (or whose fate Keycloak did not tell: UNAVAILABLE). */
    public static final String FAILED = "FAILED";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AuditTrail(MongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
    }

    /** What one audit record says; built by the features, completed here with id and time. */
    public record Entry(
            String action,
            Caller actor,
            String resourceType,
            String resourceId,
            String outcome,
            String plate,
            String vehicleId,
            String subjectAccountId,
            Map<String, Object> before,
            Map<String, Object> after,
            String detail) {

        /** An admin's action on an account or an organisation; {@code outcome} names the action (DISABLED...). */
        public static Entry adminAction(
                Caller actor, String resourceType, String resourceId, String outcome, Map<String, Object> after) {
            return new Entry(AuditAction.ADMIN_ACTION, actor, resourceType, resourceId, outcome, null, null,
                    "ACCOUNT".equals(resourceType) ? resourceId : null, Map.of(), after, null);
        }

        Entry with(String newOutcome, Map<String, Object> newAfter, String newDetail) {
            return new Entry(action, actor, resourceType, resourceId, newOutcome, plate, vehicleId, subjectAccountId,
                    before, newAfter, newDetail);
        }
    }

    /** {@link #audited(Entry, Supplier, Function)} when the outcome says what the intent said. */
    public <T> T audited(Entry intended, Supplier<T> change) {
        return audited(intended, change, result -> intended);
    }

    /**
     * Runs an admin action between its intent and its outcome: the intent is stored first (if that fails, nothing
     * is changed), then {@code change} runs, then the outcome is stored — {@code done(result)} when it returned,
     * {@value #FAILED} (with the reason) when it threw, and the exception goes on. Both events name the action in
     * {@code after.operation}; the outcome's {@code after.intentEventId} is the intent's event id.
     */
    public <T> T audited(Entry intended, Supplier<T> change, Function<T, Entry> done) {
        String intentId = UUID.randomUUID().toString();
        Map<String, Object> intentAfter = with(intended.after(), "operation", intended.outcome());
        store(event(intentId, intended.with(REQUESTED, intentAfter, intended.detail())));
        T result;
        try {
            result = change.get();
        } catch (RuntimeException e) {
            try {
                Map<String, Object> failedAfter = with(with(intentAfter, "intentEventId", intentId), "failure", failure(e));
                store(event(outcomeId(intentId), intended.with(FAILED, failedAfter, e.getMessage())));
            } catch (RuntimeException auditFailure) {
                e.addSuppressed(auditFailure); // the intent stays without outcome: unknown
            }
            throw e;
        }
        Entry outcome = done.apply(result);
        Map<String, Object> doneAfter = with(with(outcome.after(), "operation", outcome.outcome()), "intentEventId", intentId);
        store(event(outcomeId(intentId), outcome.with(outcome.outcome(), doneAfter, outcome.detail())));
        return result;
    }

    /** Stores the event for publication (key: the resource id) and asks the relay to send it now. */
    public AuditEvent record(Entry entry) {
        AuditEvent event = event(entry);
        store(event);
        return event;
    }

    /** The event for {@code entry}, with a new id, not stored: for a change that writes it in its own document. */
    public AuditEvent event(Entry entry) {
        return event(UUID.randomUUID().toString(), entry);
    }

    private AuditEvent event(String eventId, Entry entry) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return new AuditEvent(
                eventId,
                now,
                entry.action(),
                actor(entry.actor()),
                null,
                null,
                entry.plate(),
                entry.vehicleId(),
                entry.subjectAccountId(),
                false,
                entry.resourceType(),
                entry.resourceId(),
                entry.outcome(),
                entry.before() == null ? Map.of() : entry.before(),
                entry.after() == null ? Map.of() : entry.after(),
                entry.detail());
    }

    private void store(AuditEvent event) {
        mongo.insert(new AuditEntry(event.eventId(), event.resourceId(), event, false, event.occurredAt(), null));
        events.publishEvent(new OutboxWritten(AuditOutbox.NAME));
    }

    /** The outcome's event id, derived from the intent's: writing an outcome twice records it once. */
    static String outcomeId(String intentId) {
        return UUID.nameUUIDFromBytes((intentId + "/outcome").getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Why an admin action failed: Keycloak said no, could not be reached (the change may or may not be done), or else. */
    static String failure(RuntimeException e) {
        if (e instanceof UserDirectory.Unavailable) return "UNAVAILABLE";
        if (e instanceof UserDirectory.Rejected || e instanceof UserDirectory.AlreadyExists || e instanceof ApiProblem) {
            return "REFUSED";
        }
        return "ERROR";
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(map == null ? Map.of() : map);
        copy.put(key, value);
        return copy;
    }

    static AuditEvent.Actor actor(Caller caller) {
        if (caller == null) {
            return AuditEvent.Actor.SYSTEM;
        }
        return new AuditEvent.Actor(
                caller.subject(),
                caller.username(),
                caller.role().claim(),
                caller.organisation(),
                caller.organisationKind());
    }
}
