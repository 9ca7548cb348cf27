package com.autochec.audit.log;

import com.autochec.audit.config.AuditProperties;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Appends to and verifies the chain. An append links to the last entry with sequence = last + 1 and
 * inserts; the unique index on {@code sequence} makes a concurrent append (another consumer thread or
 * instance) fail with a duplicate key, and it retries on the last entry re-read from the database. The
 * last entry this instance wrote is remembered, so an uncontended append costs one insert. The unique
 * index on {@code eventId} makes a redelivered event a no-op.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final AuditProperties properties;
    /** The tail as this instance last saw it (sequence and hash), or null to re-read it. */
    private volatile Tail tail;

    private record Tail(long sequence, String hash) {}

    private final AuditMetrics metrics;

    AuditLog(MongoTemplate mongo, Clock clock, AuditProperties properties, AuditMetrics metrics) {
        this.metrics = metrics;
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    @PostConstruct
    void createIndexes() {
        var ops = mongo.indexOps(AuditEntry.class);
        ops.createIndex(new Index().on("sequence", Sort.Direction.ASC).unique());
        ops.createIndex(new Index().on("eventId", Sort.Direction.ASC).unique());
        ops.createIndex(new Index().on("plateKey", Sort.Direction.ASC).on("occurredAt", Sort.Direction.DESC));
        // the owner's "who consulted my vehicles", newest first
        ops.createIndex(new Index().on("ownerAccountId", Sort.Direction.ASC).on("occurredAt", Sort.Direction.DESC));
        // admin search by user (and period), and by period alone
        ops.createIndex(new Index().on("actor.username", Sort.Direction.ASC).on("occurredAt", Sort.Direction.DESC));
        ops.createIndex(new Index().on("occurredAt", Sort.Direction.DESC));
        // admin search by organisation, purpose, verdict and action (each with the period); statistics by action
        ops.createIndex(new Index().on("actor.organisation", Sort.Direction.ASC).on("occurredAt", Sort.Direction.DESC));
        ops.createIndex(new Index().on("purpose", Sort.Direction.ASC).on("occurredAt", Sort.Direction.DESC));
        ops.createIndex(new Index().on("verdict", Sort.Direction.ASC).on("occurredAt", Sort.Direction.DESC));
        ops.createIndex(new Index().on("action", Sort.Direction.ASC).on("occurredAt", Sort.Direction.DESC));
    }

    /** The chain's last entry as (sequence, hash): (0, genesis) when empty. Read from the database. */
    public Head head() {
        Tail last = readTail();
        return new Head(last.sequence(), last.hash());
    }

    /** The oldest entry kept (retention may have removed older ones), or null when the chain is empty. */
    public AuditEntry oldest() {
        return mongo.findOne(new Query().with(Sort.by(Sort.Direction.ASC, "sequence")).limit(1), AuditEntry.class);
    }

    /** The entry numbered {@code sequence}, or null. */
    public AuditEntry at(long sequence) {
        return bySequence(sequence);
    }

    /** A position in the chain. */
    public record Head(long sequence, String hash) {}

    /**
     * Walks the chain from its oldest kept entry (whose {@code previousHash} must be {@code firstPreviousHash}
     * when it is numbered {@code firstSequence}), in sequence order along the {@code sequence} index.
     */
    public AuditChain.Verification verifyFrom(long firstSequence, String firstPreviousHash) {
        Query all = new Query(Criteria.where("sequence").gte(firstSequence))
                .with(Sort.by(Sort.Direction.ASC, "sequence"));
        try (Stream<AuditEntry> entries = mongo.stream(all, AuditEntry.class)) {
            return AuditChain.verify(entries.iterator(), firstSequence, firstPreviousHash);
        }
    }

    /**
     * Appends an unchained entry (sequence, previousHash and hash are set here). Returns false when
     * an entry for the same event id already exists.
     */
    public boolean append(AuditEntry draft) {
        if (exists(draft.eventId())) return false;
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (int attempt = 1; attempt <= properties.appendRetries(); attempt++) {
            Tail last = tail != null ? tail : readTail();
            AuditEntry entry = draft.chained(last.sequence() + 1, last.hash(), recordedAt);
            try {
                mongo.insert(entry);
                tail = new Tail(entry.sequence(), entry.hash());
                metrics.recorded(entry);
                return true;
            } catch (DuplicateKeyException e) {
                tail = null;
                if (exists(draft.eventId())) return false;
                log.debug("Sequence {} taken by a concurrent append, retrying", entry.sequence());
            }
        }
        throw new IllegalStateException("Could not append event " + draft.eventId() + " after "
                + properties.appendRetries() + " attempts");
    }

    /**
     * Walks the whole chain in sequence order: an admin's full verification reads every entry by design
     * (MongoDB walks the {@code sequence} index; not a request hot path).
     */
    public AuditChain.Verification verify() {
        Query all = new Query().with(Sort.by(Sort.Direction.ASC, "sequence"));
        try (Stream<AuditEntry> entries = mongo.stream(all, AuditEntry.class)) {
            return AuditChain.verify(entries.iterator());
        }
    }

    /**
     * The last entry, by lookups on the unique {@code sequence} index: sequences are contiguous from 1,
     * so the entry numbered as the collection's count is the tail, or entries appended meanwhile follow
     * it one by one. When there is no such entry (an empty chain, a count over-estimated after an unclean
     * shutdown, or a gap that verification reports) the tail is the highest sequence, sorted for once.
     */
    private Tail readTail() {
        AuditEntry last = bySequence(Math.max(1, mongo.estimatedCount(AuditEntry.class)));
        if (last == null) {
            last = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "sequence")).limit(1), AuditEntry.class);
        } else {
            for (AuditEntry next = bySequence(last.sequence() + 1); next != null; next = bySequence(next.sequence() + 1)) {
                last = next;
            }
        }
        return last == null ? new Tail(0, AuditChain.GENESIS) : new Tail(last.sequence(), last.hash());
    }

    private AuditEntry bySequence(long sequence) {
        return mongo.findOne(Query.query(Criteria.where("sequence").is(sequence)), AuditEntry.class);
    }

    private boolean exists(String eventId) {
        return mongo.exists(Query.query(Criteria.where("eventId").is(eventId)), AuditEntry.class);
    }
}
