package com.autochec.auth.audit;

import com.autochec.contracts.audit.AuditAction;
import com.autochec.contracts.audit.AuditEvent;
import com.autochec.platform.outbox.OutboxWritten;
import com.autochec.platform.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * auth-service's audit trail: every admin action (accounts, organisations) and every claim filed or decided
 * becomes an {@link AuditEvent}, stored in the {@code audit_outbox} collection right after the change it
 * records and published by the platform's outbox relay on {@link com.autochec.contracts.Topics#ACCOUNT_AUDIT}
 * (at once, and by the sweep after a broker outage or a restart). Audit-service is idempotent by event id.
 */
@Service
public class AuditTrail {

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

        /** An admin's action on an account or an organisation. */
        public static Entry adminAction(
                Caller actor, String resourceType, String resourceId, String outcome, Map<String, Object> after) {
            return new Entry(AuditAction.ADMIN_ACTION, actor, resourceType, resourceId, outcome, null, null,
                    "ACCOUNT".equals(resourceType) ? resourceId : null, Map.of(), after, null);
        }
    }

    /** Stores the event for publication (key: the resource id) and asks the relay to send it now. */
    public AuditEvent record(Entry entry) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEvent event = new AuditEvent(
                UUID.randomUUID().toString(),
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
        mongo.insert(new AuditEntry(event.eventId(), entry.resourceId(), event, false, now, null));
        events.publishEvent(new OutboxWritten(AuditOutbox.NAME));
        return event;
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
