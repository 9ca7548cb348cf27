package com.autochec.audit.log;

import com.autochec.contracts.check.CheckCompleted;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** Turns a CheckCompleted event into an (unchained) audit entry. */
final class CheckCompletedAudit {

    private CheckCompletedAudit() {}

    static AuditEntry draft(CheckCompleted event) {
        if (event == null) throw new InvalidAuditEvent("empty CheckCompleted");
        if (event.eventId() == null || event.eventId().isBlank()) throw new InvalidAuditEvent("CheckCompleted without eventId");
        if (event.occurredAt() == null) throw new InvalidAuditEvent("CheckCompleted " + event.eventId() + " without occurredAt");
        var requester = event.requester();
        var actor = requester == null
                ? new AuditEntry.Actor(null, null, "public", null)
                : new AuditEntry.Actor(requester.subject(), requester.username(),
                        requester.role() == null ? "public" : requester.role().toLowerCase(Locale.ROOT),
                        requester.organisation(), requester.organisationKind());
        List<String> codes = event.reasons() == null
                ? List.of()
                : event.reasons().stream().filter(Objects::nonNull).map(CheckCompleted.Reason::code).toList();
        var vehicle = event.vehicle();
        return new AuditEntry(UUID.randomUUID().toString(), 0, event.eventId(),
                event.occurredAt().truncatedTo(ChronoUnit.MILLIS), null, AuditEntry.CHECK_PERFORMED, event.checkId(),
                event.plate(), AuditEntry.plateKey(event.plate()), event.verdict(), codes, actor, event.purpose(),
                event.source(), vehicle == null ? null : vehicle.vehicleId(),
                vehicle == null ? null : vehicle.ownerAccountId(),
                event.requestedAt() == null ? null : event.requestedAt().truncatedTo(ChronoUnit.MILLIS), null, null,
                null, null);
    }
}
