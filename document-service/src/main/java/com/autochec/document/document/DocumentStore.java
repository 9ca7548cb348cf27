package com.autochec.document.document;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.platform.outbox.AuditOutbox;
import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** All access to the {@code documents} collection. Every change bumps {@code version} and writes the outbox with it. */
@Component
public class DocumentStore {

    private final MongoTemplate mongo;

    DocumentStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        var ops = mongo.indexOps(VehicleDocument.class);
        ops.createIndex(new Index().on("vin", Sort.Direction.ASC));
        ops.createIndex(new Index().on("plate", Sort.Direction.ASC));
        ops.createIndex(new Index().on("outbox.published", Sort.Direction.ASC));
        // Event ids are UUIDs: unique, and the key of every conditional write (see below).
        ops.createIndex(new Index().on("outbox.eventId", Sort.Direction.ASC).unique());
        ops.createIndex(new Index().on("image.sentToOcr", Sort.Direction.ASC));
        // The admin's pending queue (oldest first) and the expiry scan (validated documents ending soon).
        ops.createIndex(new Index().on("status", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC));
        ops.createIndex(new Index().on("status", Sort.Direction.ASC).on("validUntil", Sort.Direction.ASC));
    }

    static final Sort QUEUE_ORDER = Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id"));

    /** A page of documents in a status, oldest first ({@code size + 1} fetched: the caller tells whether more follow). */
    public List<VehicleDocument> byStatus(DocumentStatus status, int page, int size) {
        return mongo.find(byStatusQuery(status, page, size), VehicleDocument.class);
    }

    static Query byStatusQuery(DocumentStatus status, int page, int size) {
        return Query.query(Criteria.where("status").is(status)).with(QUEUE_ORDER).skip((long) page * size).limit(size + 1);
    }

    /** Validated documents whose (confirmed) end of validity lies in [from, to]: the expiry scan. */
    public List<VehicleDocument> validatedEndingBetween(java.time.LocalDate from, java.time.LocalDate to) {
        return mongo.find(endingBetweenQuery(from, to), VehicleDocument.class);
    }

    static Query endingBetweenQuery(java.time.LocalDate from, java.time.LocalDate to) {
        return Query.query(Criteria.where("status").is(DocumentStatus.VALIDATED).and("validUntil").gte(from.toString()).lte(to.toString()));
    }

    /** Every document of a vehicle (by VIN), served by the {@code vin} index. */
    public List<VehicleDocument> byVin(String vin) {
        return mongo.find(byVins(List.of(vin)), VehicleDocument.class);
    }

    public Optional<VehicleDocument> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, VehicleDocument.class));
    }

    public List<VehicleDocument> findByIds(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), VehicleDocument.class);
    }

    static final int MAX_LISTED = 500;
    private static final Sort LIST_ORDER = Sort.by(Sort.Order.asc("type"), Sort.Order.desc("validFrom"), Sort.Order.asc("_id"));
    private static final Comparator<VehicleDocument> LIST_COMPARATOR = Comparator
            .comparing((VehicleDocument d) -> d.type() == null ? "" : d.type().name())
            .thenComparing(VehicleDocument::validFrom, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(VehicleDocument::id);

    /**
     * Documents of the given vehicles (by VIN) or carrying one of the given plates: one query per field,
     * each served by its index ({@code vin}, {@code plate}), merged here. A single {@code $or} would be
     * index-served on MongoDB but scans on the embedded store, which does not plan {@code $or}.
     */
    public List<VehicleDocument> findByVehicles(Collection<String> vins, Collection<String> plates) {
        Map<String, VehicleDocument> found = new LinkedHashMap<>();
        if (!vins.isEmpty()) {
            mongo.find(byVins(vins), VehicleDocument.class).forEach(d -> found.putIfAbsent(d.id(), d));
        }
        if (!plates.isEmpty()) {
            mongo.find(byPlates(plates), VehicleDocument.class).forEach(d -> found.putIfAbsent(d.id(), d));
        }
        return found.values().stream().sorted(LIST_COMPARATOR).limit(MAX_LISTED).toList();
    }

    static Query byVins(Collection<String> vins) {
        return Query.query(Criteria.where("vin").in(vins)).with(LIST_ORDER).limit(MAX_LISTED);
    }

    static Query byPlates(Collection<String> plates) {
        return Query.query(Criteria.where("plate").in(plates)).with(LIST_ORDER).limit(MAX_LISTED);
    }

    public void insert(VehicleDocument document) {
        mongo.insert(document);
    }

    /** A change to apply only if the document still carries the outbox entry it was read with. */
    public record Change(String expectedEventId, VehicleDocument next) {}

    /**
     * Inserts new documents and applies changes. A change is conditional on the outbox event id read
     * before it: every change writes a new (unique) event id, so a match means nobody changed the
     * document since, and the unique index makes the match cheap even on the embedded server.
     */
    public void bulkWrite(List<VehicleDocument> inserts, List<Change> changes) {
        if (inserts.isEmpty() && changes.isEmpty()) return;
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, VehicleDocument.class);
        if (!inserts.isEmpty()) bulk.insert(inserts);
        for (Change change : changes) {
            VehicleDocument d = change.next();
            Update update = new Update()
                    .set("vin", d.vin())
                    .set("plate", d.plate())
                    .set("type", d.type())
                    .set("status", d.status())
                    .set("issuer", d.issuer())
                    .set("reference", d.reference())
                    .set("validFrom", d.validFrom())
                    .set("validUntil", d.validUntil())
                    .set("result", d.result())
                    .set("version", d.version())
                    .set("updatedAt", d.updatedAt())
                    .set("outbox", d.outbox());
            bulk.updateOne(Query.query(Criteria.where("outbox.eventId").is(change.expectedEventId())), update);
        }
        bulk.execute();
    }

    /** The fields an admin confirms when validating (null: leave as stored). */
    public record Confirmed(java.time.LocalDate validFrom, java.time.LocalDate validUntil, String result, String reference,
            String issuer) {}

    /**
     * Applies a review (with the confirmed fields of a validation) if the document is still at {@code expectedVersion},
     * in one write with its state event ({@code outbox}) and its audit events ({@code audit}).
     */
    public boolean applyReview(
            String id,
            long expectedVersion,
            DocumentStatus status,
            Confirmed confirmed,
            VehicleDocument.Review review,
            VehicleDocument.Outbox outbox,
            AuditOutbox audit,
            Instant now) {
        Query query = Query.query(Criteria.where("_id").is(id).and("version").is(expectedVersion));
        Update update = new Update();
        if (confirmed != null) {
            update.set("validFrom", confirmed.validFrom())
                    .set("validUntil", confirmed.validUntil())
                    .set("result", confirmed.result());
            if (confirmed.reference() != null) update.set("reference", confirmed.reference());
            if (confirmed.issuer() != null) update.set("issuer", confirmed.issuer());
        }
        update
                .set("status", status)
                .set("review", review)
                .set("version", outbox.version())
                .set("outbox", outbox)
                .set("audit", audit)
                .set("updatedAt", now);
        return mongo.updateFirst(query, update, VehicleDocument.class).getModifiedCount() == 1;
    }

    /** Documents whose outbox entry still waits for Kafka (served by the index on {@code outbox.published}). */
    public List<VehicleDocument> pendingOutbox(int limit) {
        return mongo.find(Query.query(Criteria.where("outbox.published").is(false)).limit(limit), VehicleDocument.class);
    }

    /** Marks the given outbox entries published, each only if it is still the document's current entry. */
    public void markPublished(List<VehicleDocument> published) {
        if (published.isEmpty()) return;
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, VehicleDocument.class);
        for (VehicleDocument doc : published) {
            bulk.updateOne(
                    Query.query(Criteria.where("outbox.eventId").is(doc.outbox().eventId())),
                    new Update().set("outbox.published", true));
        }
        bulk.execute();
    }

    /** Uploaded documents whose image has not reached the OCR topic yet. */
    public List<VehicleDocument> pendingImages(Instant createdBefore, int limit) {
        Query query = Query.query(Criteria.where("image.sentToOcr").is(false).and("createdAt").lt(createdBefore));
        return mongo.find(query.limit(limit), VehicleDocument.class);
    }

    public void markImageSent(String id) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(id)), new Update().set("image.sentToOcr", true), VehicleDocument.class);
    }

    /** Records an OCR reading once per event id; returns false for a redelivered event or an unknown document. */
    public boolean recordExtraction(String id, VehicleDocument.Extraction extraction, Instant now) {
        Query query = Query.query(Criteria.where("_id").is(id).and("readEventIds").ne(extraction.eventId()));
        Update update = new Update()
                .set("extraction", extraction)
                .push("readEventIds", extraction.eventId())
                .set("updatedAt", now);
        return mongo.updateFirst(query, update, VehicleDocument.class).getModifiedCount() == 1;
    }
}
