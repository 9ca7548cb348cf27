package com.autochec.audit.ownerview;

import com.autochec.audit.log.AuditEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Builds an owner's view of the audit log for the vehicles they own (by owner account id). */
@Service
class ConsultationsOfMyVehicles {

    static final int MAX_PER_VEHICLE = 100;

    private final MongoTemplate mongo;

    ConsultationsOfMyVehicles(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    MyVehiclesResponse forOwner(String accountId) {
        Query query = Query.query(Criteria.where("ownerAccountId").is(accountId))
                .with(Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("sequence")));
        query.fields().include("sequence", "plate", "occurredAt", "actor", "purpose");
        Map<String, Acc> byPlate = new LinkedHashMap<>();
        try (Stream<AuditEntry> entries = mongo.stream(query, AuditEntry.class)) {
            entries.forEach(e -> {
                var actor = e.actor();
                if (actor != null && Objects.equals(actor.subject(), accountId)) return; // their own lookups
                Acc acc = byPlate.computeIfAbsent(e.plate() == null ? "" : e.plate(), p -> new Acc());
                String role = actor == null ? "public" : actor.role();
                if ("agent".equals(role) || "admin".equals(role)) {
                    if (acc.consultations.size() < MAX_PER_VEHICLE) {
                        acc.consultations.add(new MyVehiclesResponse.Consultation(
                                e.occurredAt(), actor.organisation(), role, e.purpose()));
                    }
                } else {
                    acc.publicLookups++;
                }
            });
        }
        return new MyVehiclesResponse(byPlate.entrySet().stream()
                .map(en -> new MyVehiclesResponse.Vehicle(en.getKey(), en.getValue().consultations, en.getValue().publicLookups))
                .toList());
    }

    private static final class Acc {
        final List<MyVehiclesResponse.Consultation> consultations = new ArrayList<>();
        long publicLookups;
    }
}
