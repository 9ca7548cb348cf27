package com.autochec.vehicle.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.autochec.contracts.Topics;
import com.autochec.contracts.audit.AuditEvent;
import com.autochec.platform.outbox.OutboxSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the {@link AuditOutbox} entries embedded in one collection's documents to
 * {@link Topics#VEHICLE_AUDIT} (key: the vehicle id, else the document id). Pending documents are found
 * through the {@code audit_published} index. A document is marked published (conditionally on the version
 * it had when read, so events a newer write carried forward stay pending) only once all of its events were
 * acknowledged; a partly acknowledged document is sent again (audit-service deduplicates by event id).
 */
public final class EmbeddedAuditOutbox implements OutboxSource<EmbeddedAuditOutbox.Entry> {

    /** One event of one carrier document; {@code total} = events the document held when read. */
    public record Entry(String carrierId, long version, int total, AuditEvent event) {}

    private final String name;
    private final String collection;
    private final MongoTemplate mongo;

    /** What becomes of a carrier once its events are published. */
    public enum WhenDone {
        /** Marked published (proposals). */
        MARK,
        /** Marked; a deleted vehicle's tombstone whose state event was published too is removed (vehicles). */
        MARK_REMOVE_TOMBSTONE,
        /** Removed: the document existed only to carry the event (view records). */
        REMOVE
    }

    private final WhenDone whenDone;

    public EmbeddedAuditOutbox(String name, String collection, MongoTemplate mongo, WhenDone whenDone) {
        this.name = name;
        this.collection = collection;
        this.mongo = mongo;
        this.whenDone = whenDone;
    }

    /** The index the sweep uses; call once at start-up. */
    public void createIndex() {
        mongo.indexOps(collection)
                .createIndex(new Index().on(AuditOutbox.PUBLISHED, Sort.Direction.ASC).named("audit_published"));
    }

    public static Query pendingQuery(int limit) {
        Query query = Query.query(where(AuditOutbox.PUBLISHED).is(false)).limit(limit);
        query.fields().include("_id", "version", "audit");
        return query;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String topic() {
        return Topics.VEHICLE_AUDIT;
    }

    @Override
    public List<Entry> pending(int limit) {
        List<Entry> entries = new ArrayList<>();
        for (AuditCarrier carrier : mongo.find(pendingQuery(limit), AuditCarrier.class, collection)) {
            List<AuditEvent> events = carrier.audit() == null ? List.of() : carrier.audit().events();
            if (events.isEmpty()) {
                markDone(List.of(new Entry(carrier.id(), carrier.version(), 0, null)));
                continue;
            }
            events.forEach(e -> entries.add(new Entry(carrier.id(), carrier.version(), events.size(), e)));
        }
        return entries;
    }

    @Override
    public String key(Entry entry) {
        return entry.event().vehicleId() != null ? entry.event().vehicleId() : entry.carrierId();
    }

    @Override
    public Object event(Entry entry) {
        return entry.event();
    }

    @Override
    public void markPublished(List<Entry> acknowledged) {
        Map<String, List<Entry>> byCarrier = new LinkedHashMap<>();
        acknowledged.forEach(e -> byCarrier.computeIfAbsent(e.carrierId(), id -> new ArrayList<>()).add(e));
        List<Entry> complete = new ArrayList<>();
        byCarrier.values().forEach(list -> {
            if (list.size() >= list.get(0).total()) {
                complete.add(list.get(0));
            }
        });
        markDone(complete);
    }

    private void markDone(List<Entry> carriers) {
        if (carriers.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection);
        for (Entry carrier : carriers) {
            Query sent = Query.query(where("_id").is(carrier.carrierId()).and("version").is(carrier.version()));
            if (whenDone == WhenDone.REMOVE) {
                bulk.remove(sent);
                continue;
            }
            bulk.updateOne(sent, new Update().set(AuditOutbox.PUBLISHED, true).set("audit.events", List.of()));
            if (whenDone == WhenDone.MARK_REMOVE_TOMBSTONE) {
                // a deleted vehicle whose deletion was published too: nothing left to send, the tombstone goes
                bulk.remove(Query.query(where("_id").is(carrier.carrierId()).and("version").is(carrier.version())
                        .and("deleted").is(true).and("outbox.published").is(true)));
            }
        }
        bulk.execute();
    }
}
