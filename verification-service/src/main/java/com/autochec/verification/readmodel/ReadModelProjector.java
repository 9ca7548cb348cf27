package com.autochec.verification.readmodel;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.autochec.contracts.document.DocumentStateChanged;
import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.vehicle.OwnerSnapshot;
import com.autochec.contracts.vehicle.VehicleSnapshot;
import com.autochec.contracts.vehicle.VehicleStateChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Applies vehicle and document states to the read models. Idempotent by aggregate version: a state
 * whose version is not newer than the stored one changes nothing, so redeliveries and replays are
 * harmless. Batches are written with one unordered bulk operation; if the bulk fails (a stale
 * version hitting the _id, a plate or VIN that moved between vehicles) each state is applied alone.
 */
@Component
class ReadModelProjector {

    private static final Logger log = LoggerFactory.getLogger(ReadModelProjector.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    ReadModelProjector(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        createIndexes();
    }

    private void createIndexes() {
        var vehicles = mongo.indexOps(VehicleRecord.COLLECTION);
        vehicles.createIndex(new Index().on("plate", Sort.Direction.ASC).unique().named("plate_unique"));
        vehicles.createIndex(new Index().on("vin", Sort.Direction.ASC).unique().named("vin_unique"));
        mongo.indexOps(DocumentRecord.COLLECTION)
                .createIndex(new Index().on("vin", Sort.Direction.ASC).named("vin"));
    }

    /** Applies vehicle states; for each vehicle only the newest state of the batch matters. */
    void applyVehicles(Collection<VehicleStateChanged> events) {
        Map<String, VehicleStateChanged> changes =
                newerThanStored(events, VehicleStateChanged::vehicleId, VehicleStateChanged::version, VehicleRecord.class);
        if (changes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, VehicleRecord.class);
        for (VehicleStateChanged event : changes.values()) {
            if (event.vehicle() == null) {
                bulk.remove(byId(event.vehicleId()));
            } else {
                bulk.replaceOne(byId(event.vehicleId()), toRecord(event, now), FindAndReplaceOptions.options().upsert());
            }
        }
        try {
            bulk.execute();
        } catch (DataAccessException e) {
            // a plate or VIN moved between vehicles: apply one by one, resolving each conflict
            log.debug("Bulk vehicle write failed ({}); applying {} states one by one", e.getMessage(), changes.size());
            changes.values().forEach(event -> applyVehicle(event, now));
        }
    }

    private void applyVehicle(VehicleStateChanged event, Instant now) {
        if (event.vehicle() == null) {
            mongo.remove(byId(event.vehicleId()), VehicleRecord.class);
            return;
        }
        VehicleRecord record = toRecord(event, now);
        try {
            mongo.replace(byId(event.vehicleId()), record, ReplaceOptions.replaceOptions().upsert(), VehicleRecord.COLLECTION);
        } catch (DuplicateKeyException e) {
            // The plate or VIN is still held by another vehicle whose newer state has not arrived
            // yet (the registry keeps both unique): that entry is stale, drop it and retry once.
            Criteria holders = new Criteria()
                    .orOperator(where("plate").is(record.plate()), where("vin").is(record.vin()));
            mongo.remove(
                    query(new Criteria().andOperator(where("_id").ne(event.vehicleId()), holders)),
                    VehicleRecord.class);
            try {
                mongo.replace(
                        byId(event.vehicleId()), record, ReplaceOptions.replaceOptions().upsert(), VehicleRecord.COLLECTION);
            } catch (DuplicateKeyException again) {
                log.warn("Vehicle {} v{} not applied: {}", event.vehicleId(), event.version(), again.getMessage());
            }
        }
    }

    /** Applies document states; {@code deleted} removes the document. */
    void applyDocuments(Collection<DocumentStateChanged> events) {
        Map<String, DocumentStateChanged> changes = newerThanStored(
                events, DocumentStateChanged::documentId, DocumentStateChanged::version, DocumentRecord.class);
        if (changes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, DocumentRecord.class);
        for (DocumentStateChanged event : changes.values()) {
            if (event.deleted()) {
                bulk.remove(byId(event.documentId()));
            } else {
                bulk.replaceOne(byId(event.documentId()), toRecord(event, now), FindAndReplaceOptions.options().upsert());
            }
        }
        bulk.execute();
    }

    /**
     * The newest state per aggregate of this batch, kept only when newer than the stored version:
     * one query for the stored versions, then plain writes by _id. Per aggregate there is a single
     * writer (the consumer of the partition its key maps to), so the read and the write do not race.
     */
    private <E> Map<String, E> newerThanStored(
            Collection<E> events, Function<E, String> id, ToLongFunction<E> version, Class<?> type) {
        Map<String, E> latest = new LinkedHashMap<>();
        for (E event : events) {
            latest.merge(id.apply(event), event, (a, b) -> version.applyAsLong(b) > version.applyAsLong(a) ? b : a);
        }
        if (latest.isEmpty()) {
            return latest;
        }
        Query stored = query(where("_id").in(latest.keySet()));
        stored.fields().include("_id", "version");
        for (Document doc : mongo.find(stored, Document.class, mongo.getCollectionName(type))) {
            E event = latest.get(String.valueOf(doc.get("_id")));
            Number storedVersion = (Number) doc.get("version");
            if (event != null && storedVersion != null && storedVersion.longValue() >= version.applyAsLong(event)) {
                latest.remove(String.valueOf(doc.get("_id")));
            }
        }
        return latest;
    }

    private static Query byId(String id) {
        return query(where("_id").is(id));
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
                now);
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
