package com.autochec.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.autochec.contracts.audit.AuditEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the {@link AuditOutbox} entries embedded (field {@code audit}) in one collection's documents, which
 * carry a {@code version} bumped by every write. Pending documents are found through the {@code audit_published}
 * index. A document is marked published (conditionally on the version it had when read, so events a newer write
 * carried forward stay pending) only once all of its events were acknowledged; a partly acknowledged document is
 * sent again (audit-service deduplicates by event id).
 */
public final class EmbeddedAuditOutbox implements OutboxSource<EmbeddedAuditOutbox.Entry> {

    /** One event of one carrier document; {@code total} = events the document held when read. */
    public record Entry(String carrierId, long version, int total, AuditEvent event) {}

    /** The part of any carrier document the relay reads. */
    record Carrier(@Id String id, long version, AuditOutbox audit) {}

    /** What becomes of a carrier once its events are published. */
    public enum WhenDone {
        /** Marked published, its events cleared (the document lives on). */
        MARK,
        /** Removed: the document existed only to carry the events (view records). */
        REMOVE
    }

    /** The record key of an event: its vehicle id, else the carrier's id (keeps one vehicle's events in order). */
    public static final Function<Entry, String> BY_VEHICLE_ELSE_CARRIER =
            entry -> entry.event().vehicleId() != null ? entry.event().vehicleId() : entry.carrierId();

    /** The record key of an event: the carrier's id (keeps one document's events in order). */
    public static final Function<Entry, String> BY_CARRIER = Entry::carrierId;

    private final String name;
    private final String topic;
    private final String collection;
    private final MongoTemplate mongo;
    private final WhenDone whenDone;
    private final Function<Entry, String> key;
    private final Map<String, Object> tombstone;

    private EmbeddedAuditOutbox(String name, String topic, String collection, MongoTemplate mongo, WhenDone whenDone,
            Function<Entry, String> key, Map<String, Object> tombstone) {
        this.name = name;
        this.topic = topic;
        this.collection = collection;
        this.mongo = mongo;
        this.whenDone = whenDone;
        this.key = key;
        this.tombstone = tombstone;
    }

    public EmbeddedAuditOutbox(String name, String topic, String collection, MongoTemplate mongo, WhenDone whenDone,
            Function<Entry, String> key) {
        this(name, topic, collection, mongo, whenDone, key, null);
    }

    /**
     * The same outbox, which after marking a carrier also removes it when (at the marked version) its fields have
     * the {@code tombstone} values: a deleted document kept only until its events left.
     */
    public EmbeddedAuditOutbox removingTombstones(Map<String, Object> tombstone) {
        return new EmbeddedAuditOutbox(name, topic, collection, mongo, whenDone, key, Map.copyOf(tombstone));
    }

    /**
     * The indexes the sweep and the conditional mark use; call once at start-up. The mark filters on exactly
     * ({@code _id}, {@code version}): the embedded store needs that compound index to serve it.
     */
    public EmbeddedAuditOutbox createIndexes() {
        mongo.indexOps(collection)
                .createIndex(new Index().on(AuditOutbox.PUBLISHED, Sort.Direction.ASC).named("audit_published"));
        mongo.indexOps(collection).createIndex(new Index()
                .on("_id", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC)
                .unique()
                .named("id_version"));
        return this;
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
        return topic;
    }

    @Override
    public List<Entry> pending(int limit) {
        List<Entry> entries = new ArrayList<>();
        for (Carrier carrier : mongo.find(pendingQuery(limit), Carrier.class, collection)) {
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
        return key.apply(entry);
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
            if (tombstone != null) {
                Criteria dead = where("_id").is(carrier.carrierId()).and("version").is(carrier.version());
                tombstone.forEach((field, value) -> dead.and(field).is(value));
                bulk.remove(Query.query(dead));
            }
        }
        bulk.execute();
    }
}
