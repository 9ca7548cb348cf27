package com.autochec.verification.check;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Storage of checks: single-document writes only, state changes guarded by conditions. */
@Component
class CheckRepository {

    private final MongoTemplate mongo;

    CheckRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(CheckDocument.COLLECTION);
        // the outbox's pending query: equality on the flag and the status, oldest completion first
        indexes.createIndex(new Index().on("outbox.published", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC)
                .on("completedAt", Sort.Direction.ASC)
                .named("outbox_pending"));
        indexes.createIndex(new Index().on("imagePublished", Sort.Direction.ASC).named("image_published"));
    }

    void insert(CheckDocument check) {
        mongo.insert(check);
    }

    Optional<CheckDocument> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, CheckDocument.class));
    }

    /**
     * Replaces a pending check by its completed state; false if it no longer exists. Writes go by
     * _id alone (an index hit on every MongoDB, the embedded wire server included): the caller read
     * the check as PENDING, and a check's readings are consumed by one consumer (key = check id).
     */
    boolean complete(CheckDocument completed) {
        return mongo.replace(query(where("_id").is(completed.id())), completed, CheckDocument.COLLECTION)
                        .getMatchedCount()
                > 0;
    }

    /**
     * Marks the events the broker acknowledged as published, each only if the check still carries
     * that event (a newer state written meanwhile stays pending).
     */
    void markPublished(List<CheckDocument> published) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CheckDocument.class);
        for (CheckDocument check : published) {
            bulk.updateOne(
                    query(where("_id").is(check.id()).and("outbox.eventId").is(check.outbox().eventId())),
                    Update.update("outbox.published", true));
        }
        bulk.execute();
    }

    void markImagePublished(String id) {
        mongo.updateFirst(query(where("_id").is(id)), Update.update("imagePublished", true), CheckDocument.class);
    }

    /** Completed checks whose event is still unpublished, oldest first (index {@code outbox_pending}). */
    List<CheckDocument> unpublishedCompleted(int limit) {
        return mongo.find(
                query(where("outbox.published").is(false).and("status").is(CheckStatus.COMPLETED))
                        .with(Sort.by("completedAt"))
                        .limit(limit),
                CheckDocument.class);
    }

    /** Pending photo checks whose image is still unpublished, requested before {@code before}. */
    List<CheckDocument> unpublishedImages(Instant before, int limit) {
        return mongo.find(
                query(where("imagePublished")
                                .is(false)
                                .and("status")
                                .is(CheckStatus.PENDING)
                                .and("requestedAt")
                                .lt(before))
                        .limit(limit),
                CheckDocument.class);
    }
}
