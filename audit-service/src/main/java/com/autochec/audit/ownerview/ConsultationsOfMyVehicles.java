package com.autochec.audit.ownerview;

import com.autochec.audit.log.AuditEntry;
import com.autochec.audit.log.Purposes;
import com.autochec.contracts.audit.AuditAction;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Builds an owner's view of the audit log for the vehicles they own: the entries whose data subject
 * ({@code ownerAccountId}: the check's {@code vehicle.ownerAccountId}, the event's {@code subjectAccountId}) is the
 * caller, along the {@code (ownerAccountId, occurredAt)} index, newest first.
 */
@Service
class ConsultationsOfMyVehicles {

    static final int MAX_PER_VEHICLE = 100;
    static final int MAX_ENTRIES = 20_000;
    static final String LAW_ENFORCEMENT = "forces de l'ordre";
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    private static final Set<String> SHOWN = Set.of(AuditEntry.CHECK_PERFORMED, AuditAction.VEHICLE_VIEWED,
            AuditAction.DOCUMENT_VIEWED);

    private final MongoTemplate mongo;

    ConsultationsOfMyVehicles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    MyVehiclesResponse forOwner(String accountId) {
        Query query = Query.query(Criteria.where("ownerAccountId").is(accountId))
                .with(Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("sequence")))
                .limit(MAX_ENTRIES);
        query.fields().include("sequence", "plate", "vehicleId", "occurredAt", "actor", "purpose", "action");
        Map<String, Acc> byVehicle = new LinkedHashMap<>();
        try (Stream<AuditEntry> entries = mongo.stream(query, AuditEntry.class)) {
            entries.forEach(e -> {
                if (!SHOWN.contains(e.action())) return;
                var actor = e.actor();
                if (actor != null && Objects.equals(actor.subject(), accountId)) return; // their own lookups
                String key = e.vehicleId() != null ? e.vehicleId() : e.plate() == null ? "" : e.plate();
                Acc acc = byVehicle.computeIfAbsent(key, k -> new Acc(e.vehicleId()));
                if (acc.plate == null && e.plate() != null) acc.plate = e.plate();
                String role = actor == null ? "public" : actor.role();
                if ("agent".equals(role) || "admin".equals(role)) {
                    if (acc.consultations.size() < MAX_PER_VEHICLE) {
                        boolean police = Purposes.lawEnforcement(actor.organisationKind());
                        String kind = AuditEntry.CHECK_PERFORMED.equals(e.action()) ? "CHECK" : e.action();
                        acc.consultations.add(police
                                ? new MyVehiclesResponse.Consultation(e.occurredAt(), kind, LAW_ENFORCEMENT, role,
                                        true, null, null)
                                : new MyVehiclesResponse.Consultation(e.occurredAt(), kind, actor.organisation(),
                                        role, false, e.purpose(), Purposes.label(e.purpose())));
                    }
                } else if (e.occurredAt() != null) {
                    acc.publicLookups++;
                    acc.byDay.merge(LocalDate.ofInstant(e.occurredAt(), ZONE), 1L, Long::sum);
                }
            });
        }
        return new MyVehiclesResponse(byVehicle.values().stream()
                .map(acc -> new MyVehiclesResponse.Vehicle(acc.plate, acc.vehicleId, acc.consultations,
                        acc.publicLookups, acc.byDay.descendingMap().entrySet().stream()
                                .map(d -> new MyVehiclesResponse.DailyCount(d.getKey(), d.getValue()))
                                .toList()))
                .toList());
    }

    private static final class Acc {
        final String vehicleId;
        String plate;
        final List<MyVehiclesResponse.Consultation> consultations = new ArrayList<>();
        final TreeMap<LocalDate, Long> byDay = new TreeMap<>();
        long publicLookups;

        Acc(String vehicleId) {
            this.vehicleId = vehicleId;
        }
    }
}
