package com.autochec.verification.readmodel;

import com.autochec.contracts.document.DocumentStateChanged;
import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.vehicle.OwnerSnapshot;
import com.autochec.contracts.vehicle.VehicleSnapshot;
import com.autochec.contracts.vehicle.VehicleStateChanged;
import com.autochec.platform.kafka.TransientFailureException;
import com.mongodb.bulk.BulkWriteResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model from the vehicle and document states, in two steps:
 *
 * <ol>
 *   <li>the projections as published — {@code vehicles} (by vehicleId) and {@code documents} (by
 *       documentId) — idempotent by aggregate version: a state not newer than the stored one changes
 *       nothing, so redeliveries, replays and compaction are harmless; a compaction tombstone deletes;
 *   <li>the {@link PlateRecord} of every plate those writes touched (the vehicle's former and new
 *       plates, the plates of a document's former and new VIN), rebuilt from the projections.
 * </ol>
 *
 * <p>Vehicle and document states arrive on different partitions, consumed concurrently (and by several
 * instances), so two rebuilds of one plate may race. Each rebuild reads the plate's {@code revision}
 * before its sources and writes only if the revision is still the one it read (or inserts if there was
 * none); the loser rebuilds again from sources that now include the winner's change. A batch rebuilds its
 * plates with three reads and one bulk write; any lost race sends its plates through the one-by-one path.
 */
@Component
class ReadModelProjector {

    private static final Logger log = LoggerFactory.getLogger(ReadModelProjector.class);
    private static final int MAX_ATTEMPTS = 50;

    private final MongoTemplate mongo;
    private final Clock clock;

    ReadModelProjector(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        ReadModelQueries.ensureIndexes(mongo);
    }

    /** Applies vehicle states; for each vehicle only the newest state of the batch matters. */
    void applyVehicles(Collection<VehicleStateChanged> events) {
        Map<String, VehicleStateChanged> changes = latest(events, VehicleStateChanged::vehicleId, VehicleStateChanged::version);
        Map<String, Document> stored = stored(changes.keySet(), ReadModelQueries.VEHICLES, "plate");
        changes.values().removeIf(e -> !newer(stored.get(e.vehicleId()), e.version()));
        if (changes.isEmpty()) {
            return;
        }
        Set<String> plates = new LinkedHashSet<>();
        changes.keySet().forEach(id -> addString(plates, stored.get(id), "plate"));
        Instant now = clock.instant();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, VehicleRecord.class);
        for (VehicleStateChanged event : changes.values()) {
            if (event.vehicle() == null) {
                bulk.remove(ReadModelQueries.byId(event.vehicleId()));
            } else {
                VehicleRecord record = toRecord(event, now);
                plates.add(record.plate());
                bulk.replaceOne(ReadModelQueries.byId(event.vehicleId()), record, FindAndReplaceOptions.options().upsert());
            }
        }
        try {
            bulk.execute();
        } catch (DataAccessException e) {
            // a plate or VIN moved between vehicles: apply one by one, resolving each conflict
            log.debug("Bulk vehicle write failed ({}); applying {} states one by one", e.getMessage(), changes.size());
            changes.values().forEach(event -> applyVehicle(event, now, plates));
        }
        refreshPlates(plates);
    }

    private void applyVehicle(VehicleStateChanged event, Instant now, Set<String> plates) {
        Query byId = ReadModelQueries.byId(event.vehicleId());
        if (event.vehicle() == null) {
            mongo.remove(byId, VehicleRecord.class);
            return;
        }
        VehicleRecord record = toRecord(event, now);
        try {
            mongo.replace(byId, record, ReplaceOptions.replaceOptions().upsert(), VehicleRecord.COLLECTION);
        } catch (DuplicateKeyException e) {
            // The plate or VIN is still held by another vehicle whose newer state has not arrived
            // yet (the registry keeps both unique): that entry is stale, drop it and retry once.
            for (Query holders : List.of(
                    ReadModelQueries.vehicleByPlate(record.plate()), ReadModelQueries.vehicleByVin(record.vin()))) {
                for (VehicleRecord holder : mongo.find(holders, VehicleRecord.class)) {
                    if (!holder.vehicleId().equals(event.vehicleId())) {
                        mongo.remove(ReadModelQueries.byId(holder.vehicleId()), VehicleRecord.class);
                        plates.add(holder.plate());
                    }
                }
            }
            try {
                mongo.replace(byId, record, ReplaceOptions.replaceOptions().upsert(), VehicleRecord.COLLECTION);
            } catch (DuplicateKeyException again) {
                log.warn("Vehicle {} v{} not applied: {}", event.vehicleId(), event.version(), again.getMessage());
            }
        }
    }

    /** Applies document states; {@code deleted} (or a tombstone) removes the document. */
    void applyDocuments(Collection<DocumentStateChanged> events) {
        Map<String, DocumentStateChanged> changes =
                latest(events, DocumentStateChanged::documentId, DocumentStateChanged::version);
        Map<String, Document> stored = stored(changes.keySet(), ReadModelQueries.DOCUMENTS, "vin");
        changes.values().removeIf(e -> !newer(stored.get(e.documentId()), e.version()));
        if (changes.isEmpty()) {
            return;
        }
        Set<String> vins = new LinkedHashSet<>();
        changes.keySet().forEach(id -> addString(vins, stored.get(id), "vin"));
        Instant now = clock.instant();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, DocumentRecord.class);
        for (DocumentStateChanged event : changes.values()) {
            if (event.deleted()) {
                bulk.remove(ReadModelQueries.byId(event.documentId()));
            } else {
                if (event.vin() != null) {
                    vins.add(event.vin());
                }
                bulk.replaceOne(
                        ReadModelQueries.byId(event.documentId()), toRecord(event, now), FindAndReplaceOptions.options().upsert());
            }
        }
        bulk.execute();
        if (vins.isEmpty()) {
            return;
        }
        Set<String> plates = new LinkedHashSet<>();
        Query holders = ReadModelQueries.vehiclesByVins(vins);
        holders.fields().include("plate");
        mongo.find(holders, Document.class, ReadModelQueries.VEHICLES).forEach(v -> addString(plates, v, "plate"));
        refreshPlates(plates);
    }

    /**
     * Rebuilds the {@link PlateRecord} of these plates from the projections: revisions first, then the
     * vehicles holding the plates, then their documents, then one bulk write conditional on the revisions.
     */
    void refreshPlates(Set<String> plates) {
        if (plates.isEmpty()) {
            return;
        }
        Map<String, Long> revisions = revisions(plates);
        Map<String, VehicleRecord> vehicles = new HashMap<>();
        for (VehicleRecord v : mongo.find(ReadModelQueries.vehiclesByPlates(plates), VehicleRecord.class)) {
            vehicles.put(v.plate(), v);
        }
        Map<String, List<DocumentRecord>> documents = documentsByVin(
                vehicles.values().stream().map(VehicleRecord::vin).toList());
        Instant now = clock.instant();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, PlateRecord.class);
        int expected = 0;
        for (String plate : plates) {
            VehicleRecord vehicle = vehicles.get(plate);
            Long revision = revisions.get(plate);
            if (vehicle == null && revision == null) {
                continue;
            }
            List<DocumentRecord> docs = vehicle == null ? List.of() : documents.getOrDefault(vehicle.vin(), List.of());
            if (revision == null) {
                bulk.insert(new PlateRecord(plate, 1, vehicle, docs, now));
            } else {
                bulk.replaceOne(
                        ReadModelQueries.plateAtRevision(plate, revision), new PlateRecord(plate, revision + 1, vehicle, docs, now));
            }
            expected++;
        }
        if (expected == 0) {
            return;
        }
        try {
            BulkWriteResult result = bulk.execute();
            if (result.getInsertedCount() + result.getMatchedCount() == expected) {
                return;
            }
        } catch (DataAccessException e) {
            log.debug("Plate rebuild raced ({}); rebuilding {} plates one by one", e.getMessage(), plates.size());
        }
        // another rebuild won some plates: each one again, from sources that now include its change
        plates.forEach(this::refreshPlate);
    }

    private void refreshPlate(String plate) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Long revision = revisions(Set.of(plate)).get(plate);
            VehicleRecord vehicle = mongo.findOne(ReadModelQueries.vehicleByPlate(plate), VehicleRecord.class);
            if (vehicle == null && revision == null) {
                return;
            }
            List<DocumentRecord> docs = vehicle == null
                    ? List.of()
                    : documentsByVin(List.of(vehicle.vin())).getOrDefault(vehicle.vin(), List.of());
            Instant now = clock.instant();
            if (revision == null) {
                try {
                    mongo.insert(new PlateRecord(plate, 1, vehicle, docs, now));
                    return;
                } catch (DuplicateKeyException raced) {
                    continue;
                }
            }
            if (mongo.replace(
                                    ReadModelQueries.plateAtRevision(plate, revision),
                                    new PlateRecord(plate, revision + 1, vehicle, docs, now),
                                    PlateRecord.COLLECTION)
                            .getMatchedCount()
                    > 0) {
                return;
            }
        }
        throw new TransientFailureException("Plate " + plate + " kept changing while being rebuilt", null);
    }

    private Map<String, Long> revisions(Set<String> plates) {
        Query query = ReadModelQueries.plates(plates);
        query.fields().include("revision");
        Map<String, Long> revisions = new HashMap<>();
        for (Document doc : mongo.find(query, Document.class, ReadModelQueries.PLATES)) {
            Number revision = (Number) doc.get("revision");
            revisions.put(String.valueOf(doc.get("_id")), revision == null ? 0L : revision.longValue());
        }
        return revisions;
    }

    /** The documents of these VINs, each list in the order a check shows them (type, end of validity, id). */
    private Map<String, List<DocumentRecord>> documentsByVin(List<String> vins) {
        if (vins.isEmpty()) {
            return Map.of();
        }
        Map<String, List<DocumentRecord>> byVin = new HashMap<>();
        for (DocumentRecord d : mongo.find(ReadModelQueries.documentsByVins(vins), DocumentRecord.class)) {
            byVin.computeIfAbsent(d.vin(), vin -> new ArrayList<>()).add(d);
        }
        return byVin;
    }

    /** The newest state per aggregate of this batch. */
    private static <E> Map<String, E> latest(Collection<E> events, Function<E, String> id, ToLongFunction<E> version) {
        Map<String, E> latest = new LinkedHashMap<>();
        for (E event : events) {
            latest.merge(id.apply(event), event, (a, b) -> version.applyAsLong(b) > version.applyAsLong(a) ? b : a);
        }
        return latest;
    }

    /**
     * The stored version (and {@code field}) of these aggregates: one query by _id. Per aggregate there is
     * a single writer (the consumer of the partition its key maps to), so the read and the write do not race.
     */
    private Map<String, Document> stored(Set<String> ids, String collection, String field) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Query query = ReadModelQueries.byIds(ids);
        query.fields().include("_id", "version", field);
        Map<String, Document> stored = new HashMap<>();
        for (Document doc : mongo.find(query, Document.class, collection)) {
            stored.put(String.valueOf(doc.get("_id")), doc);
        }
        return stored;
    }

    private static boolean newer(Document stored, long version) {
        Number storedVersion = stored == null ? null : (Number) stored.get("version");
        return storedVersion == null || version > storedVersion.longValue();
    }

    private static void addString(Set<String> into, Document doc, String field) {
        if (doc != null && doc.get(field) instanceof String value) {
            into.add(value);
        }
    }

    private static VehicleRecord toRecord(VehicleStateChanged event, Instant now) {
        VehicleSnapshot v = event.vehicle();
        OwnerSnapshot o = v.owner();
        OwnerRecord owner = o == null
                ? null
                : new OwnerRecord(
                        o.ownerId(), o.kind(), o.name(), o.street(), o.postalCode(), o.town(), o.email(), o.accountId());
        return new VehicleRecord(
                event.vehicleId(),
                event.version(),
                Plate.tryParse(v.plate()).map(Plate::value).orElse(v.plate()),
                v.vin(),
                v.make(),
                v.model(),
                v.variant(),
                v.year(),
                v.colour(),
                v.category(),
                v.fuel(),
                v.fiscalPower(),
                v.powerKw(),
                v.firstRegistration(),
                v.stolen(),
                owner,
                now,
                administrativeStatuses(v),
                v.mileageRollback(),
                v.mileage().stream().map(m -> new VehicleRecord.MileageRecord(m.date(), m.km(), m.rollback())).toList());
    }

    /**
     * The administrative statuses in force on this snapshot: vehicle-service's {@code statuses} (STOLEN, GAGE,
     * OPPOSITION, CERTIFICATE_LOST, CERTIFICATE_STOLEN, DESTROYED, EXPORTED), and STOLEN for the {@code stolen}
     * flag of snapshots published before the statuses. Mapped here and nowhere else.
     */
    static List<String> administrativeStatuses(VehicleSnapshot v) {
        Set<String> statuses = new LinkedHashSet<>();
        if (v.stolen()) {
            statuses.add("STOLEN");
        }
        for (String status : v.statuses()) {
            if (status != null && !status.isBlank()) {
                statuses.add(status.strip().toUpperCase(java.util.Locale.ROOT));
            }
        }
        return new ArrayList<>(statuses);
    }

    private static DocumentRecord toRecord(DocumentStateChanged e, Instant now) {
        return new DocumentRecord(
                e.documentId(),
                e.version(),
                e.vin(),
                e.plate(),
                e.type(),
                e.status(),
                e.issuer(),
                e.reference(),
                e.validFrom(),
                e.validUntil(),
                e.result(),
                now);
    }
}
