package com.autochec.vehicle.audit;

import com.autochec.contracts.audit.AuditEvent;
import com.autochec.contracts.privacy.StatedPurpose;
import com.autochec.platform.security.Caller;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Builds vehicle-service's {@link AuditEvent}s: the actor from the caller, a fresh event id. */
public final class AuditEvents {

    private AuditEvents() {}

    public static AuditEvent.Actor actor(Caller caller) {
        if (caller == null) {
            return AuditEvent.Actor.SYSTEM;
        }
        return new AuditEvent.Actor(
                caller.subject(),
                caller.username(),
                caller.role().name().toLowerCase(Locale.ROOT),
                caller.organisation(),
                caller.organisationKind());
    }

    /**
     * One audit event.
     *
     * @param vehicle plate, vehicle id and holder's account id of the vehicle concerned (null fields when unknown)
     */
    public static AuditEvent event(
            Instant now,
            String action,
            Caller caller,
            StatedPurpose purpose,
            VehicleRef vehicle,
            boolean personData,
            String resourceType,
            String resourceId,
            String outcome,
            Map<String, Object> before,
            Map<String, Object> after,
            String detail) {
        return new AuditEvent(
                UUID.randomUUID().toString(),
                now,
                action,
                actor(caller),
                purpose == null ? null : purpose.codeName(),
                purpose == null ? null : purpose.text(),
                vehicle == null ? null : vehicle.plate(),
                vehicle == null ? null : vehicle.vehicleId(),
                vehicle == null ? null : vehicle.subjectAccountId(),
                personData,
                resourceType,
                resourceId,
                outcome,
                before,
                after,
                detail);
    }

    /** The vehicle an audit event is about. */
    public record VehicleRef(String vehicleId, String plate, String subjectAccountId) {}
}
