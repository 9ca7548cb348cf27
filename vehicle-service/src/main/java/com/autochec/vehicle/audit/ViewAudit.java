package com.autochec.vehicle.audit;

import com.autochec.contracts.audit.AuditAction;
import com.autochec.contracts.audit.AuditEvent;
import com.autochec.contracts.privacy.StatedPurpose;
import com.autochec.platform.outbox.AuditOutbox;
import com.autochec.platform.outbox.OutboxWritten;
import com.autochec.platform.security.Caller;
import com.autochec.vehicle.audit.AuditEvents.VehicleRef;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Service;

/**
 * Records every view of person data by an agent or admin ({@link AuditAction#VEHICLE_VIEWED}) before the
 * answer leaves: one insert into {@code vehicle_views} carrying the pending audit event, acknowledged by the
 * store before the caller sees the data, then published by the relay ({@link AuditConfig}), which removes the
 * record once the broker acknowledged it (audit-service keeps the trail).
 */
@Service
public class ViewAudit {

    public static final String COLLECTION = "vehicle_views";
    public static final String SOURCE = "vehicle-view-audit";

    /** One recorded view (kept as the outbox carrier; its event says everything). */
    @Document(COLLECTION)
    record ViewRecord(@Id String id, long version, Instant viewedAt, AuditOutbox audit) {}

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ViewAudit(MongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.clock = clock;
        this.events = events;
    }

    /** Records that {@code caller} saw the holder's data of the vehicle for {@code purpose}. */
    public void vehicleViewed(Caller caller, StatedPurpose purpose, VehicleRef vehicle) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEvent event = AuditEvents.event(
                now, AuditAction.VEHICLE_VIEWED, caller, purpose, vehicle, true, "VEHICLE", vehicle.vehicleId(),
                null, null, null, null);
        mongo.insert(new ViewRecord(event.eventId(), 0, now, AuditOutbox.of(List.of(event))));
        events.publishEvent(new OutboxWritten(SOURCE));
    }
}
