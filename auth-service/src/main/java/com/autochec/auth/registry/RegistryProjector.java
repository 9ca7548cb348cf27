package com.autochec.auth.registry;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.autochec.contracts.document.DocumentStateChanged;
import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.vehicle.VehicleStateChanged;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Applies vehicle and document states to the projections, idempotently by aggregate version: a state not
 * newer than the stored one changes nothing, so redeliveries and replays of the compacted topics are
 * harmless. A deleted vehicle or document (or a compaction tombstone) is removed; a document that is not a
 * registration certificate is not kept.
 */
@Component
class RegistryProjector {

    private final MongoTemplate mongo;

    RegistryProjector(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void applyVehicles(Collection<VehicleStateChanged> events) {
        Map<String, VehicleStateChanged> latest = latest(events, VehicleStateChanged::vehicleId, VehicleStateChanged::version);
        Map<String, Long> stored = versions(latest.keySet(), RegistryVehicle.COLLECTION);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RegistryVehicle.class);
        int writes = 0;
        for (VehicleStateChanged event : latest.values()) {
            Long known = stored.get(event.vehicleId());
            if (known != null && known >= event.version()) {
                continue;
            }
            Query byId = Query.query(where("_id").is(event.vehicleId()));
            if (event.vehicle() == null) {
                bulk.remove(byId);
            } else {
                var v = event.vehicle();
                String account = v.owner() == null ? null : blankToNull(v.owner().accountId());
                bulk.replaceOne(byId, new RegistryVehicle(event.vehicleId(), v.plate(), v.vin(), account, event.version()),
                        FindAndReplaceOptions.options().upsert());
            }
            writes++;
        }
        if (writes > 0) {
            bulk.execute();
        }
    }

    void applyDocuments(Collection<DocumentStateChanged> events) {
        Map<String, DocumentStateChanged> latest =
                latest(events, DocumentStateChanged::documentId, DocumentStateChanged::version);
        Map<String, Long> stored = versions(latest.keySet(), RegistryCertificate.COLLECTION);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RegistryCertificate.class);
        int writes = 0;
        for (DocumentStateChanged event : latest.values()) {
            Long known = stored.get(event.documentId());
            boolean certificate = event.type() == DocumentType.REGISTRATION;
            if (known == null && (!certificate || event.deleted())) {
                continue; // not one of ours, and nothing stored to remove
            }
            if (known != null && known >= event.version()) {
                continue;
            }
            Query byId = Query.query(where("_id").is(event.documentId()));
            if (event.deleted() || !certificate) {
                bulk.remove(byId);
            } else {
                bulk.replaceOne(byId, new RegistryCertificate(event.documentId(), event.vin(),
                                Registry.foldCertificateNumber(event.reference()),
                                event.status() == null ? null : event.status().name(), event.version()),
                        FindAndReplaceOptions.options().upsert());
            }
            writes++;
        }
        if (writes > 0) {
            bulk.execute();
        }
    }

    private Map<String, Long> versions(Collection<String> ids, String collection) {
        Map<String, Long> versions = new HashMap<>();
        if (ids.isEmpty()) {
            return versions;
        }
        Query query = Query.query(where("_id").in(ids));
        query.fields().include("version");
        for (Document stored : mongo.find(query, Document.class, collection)) {
            Object version = stored.get("version");
            versions.put(String.valueOf(stored.get("_id")), version instanceof Number n ? n.longValue() : 0L);
        }
        return versions;
    }

    private static <T> Map<String, T> latest(Collection<T> events, Function<T, String> id, ToLongFunction<T> version) {
        Map<String, T> latest = new LinkedHashMap<>();
        for (T event : events) {
            latest.merge(id.apply(event), event, (a, b) -> version.applyAsLong(b) >= version.applyAsLong(a) ? b : a);
        }
        return latest;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** For tests and logs. */
    List<RegistryVehicle> allVehicles() {
        return mongo.findAll(RegistryVehicle.class);
    }
}
