package com.autochec.verification.check;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Every query on {@code checks} (request path, outbox relay, image relay, reading-deadline sweep) and the
 * indexes that serve them. Public so that {@code HotQueriesUseIndexesTest} explains exactly these.
 */
public final class CheckQueries {

    public static final String CHECKS = CheckDocument.COLLECTION;

    private CheckQueries() {}

    /** Creates the indexes (idempotent; at start-up). */
    static void ensureIndexes(MongoTemplate mongo) {
        var indexes = mongo.indexOps(CHECKS);
        // the outbox's pending query: equality on the flag and the status, oldest completion first
        indexes.createIndex(new Index().on("outbox.published", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC)
                .on("completedAt", Sort.Direction.ASC)
                .named("outbox_pending"));
        // the image relay's sweep: unpublished images of pending checks, requested before a time
        indexes.createIndex(new Index().on("imagePublished", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC)
                .on("requestedAt", Sort.Direction.ASC)
                .named("image_pending"));
        // the VIN image relay's sweep: unpublished VIN images of pending checks
        indexes.createIndex(new Index().on("vinPhoto.imagePublished", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC)
                .on("requestedAt", Sort.Direction.ASC)
                .named("vin_image_pending"));
        // the fraud-signal outbox: completed checks whose signals are unpublished, oldest first
        indexes.createIndex(new Index().on("signalsPublished", Sort.Direction.ASC)
                .on("completedAt", Sort.Direction.ASC)
                .named("signals_pending"));
        // "my checks": one requester's checks, newest first
        indexes.createIndex(new Index().on("requester.subject", Sort.Direction.ASC)
                .on("requestedAt", Sort.Direction.DESC)
                .named("requester_checks"));
        // the reading-deadline sweep: pending checks whose deadline has passed
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC)
                .on("deadline", Sort.Direction.ASC)
                .named("reading_deadline"));
    }

    /**
     * One page of a requester's checks, newest first ({@code requester_checks}); one more than {@code size} is
     * asked so that the caller knows whether an older page exists. Only the fields a list shows are read.
     */
    public static Query byRequester(String subject, int page, int size) {
        Query query = query(where("requester.subject").is(subject))
                .with(Sort.by(Sort.Direction.DESC, "requestedAt"))
                .skip((long) page * size)
                .limit(size + 1);
        // the vehicle snapshot tells whether an owner checked their own vehicle (then the check has a report)
        query.fields().include("status", "source", "plate", "verdict", "requester", "requestedAt", "completedAt",
                "capturedAt", "vehicle", "imagePublished");
        return query;
    }

    /** A check by id (reading it back, a plate reading, the image sweep's re-send). */
    public static Query byId(String id) {
        return query(where("_id").is(id));
    }

    /** A check by id only while it is in {@code status}: each transition happens once. */
    public static Query inStatus(String id, CheckStatus status) {
        return query(where("_id").is(id).and("status").is(status));
    }

    /** A check by id only while it is PENDING: a completion (reading or timeout) happens once. */
    public static Query pending(String id) {
        return query(where("_id").is(id).and("status").is(CheckStatus.PENDING));
    }

    /** A pending check with a VIN photo, by id (holding its plate reading). */
    public static Query awaitingVin(String id) {
        return query(where("_id").is(id).and("status").is(CheckStatus.PENDING).and("vinPhoto").ne(null));
    }

    /** A pending check whose VIN photo has not been read yet, by id (recording its reading once). */
    public static Query vinUnread(String id) {
        return query(where("_id").is(id).and("status").is(CheckStatus.PENDING).and("vinPhoto").ne(null)
                .and("vinPhoto.reading").is(null));
    }

    /** Checks by id (marking their fraud signals published). */
    public static Query byIds(java.util.Collection<String> ids) {
        return query(where("_id").in(ids));
    }

    /** Completed checks whose fraud-signal events are unpublished, oldest first ({@code signals_pending}). */
    public static Query unpublishedSignals(int limit) {
        return query(where("signalsPublished").is(false)).with(Sort.by("completedAt")).limit(limit);
    }

    /** Pending checks whose VIN image is unpublished, requested before {@code before} ({@code vin_image_pending}). */
    public static Query unpublishedVinImages(Instant before, int limit) {
        return query(where("vinPhoto.imagePublished")
                        .is(false)
                        .and("status")
                        .is(CheckStatus.PENDING)
                        .and("requestedAt")
                        .lt(before))
                .limit(limit);
    }

    /** A check by id only while it still carries this outbox event (marking it published). */
    public static Query carryingEvent(String id, String eventId) {
        return query(where("_id").is(id).and("outbox.eventId").is(eventId));
    }

    /** Completed checks whose event is still unpublished, oldest first ({@code outbox_pending}). */
    public static Query unpublishedCompleted(int limit) {
        return query(where("outbox.published").is(false).and("status").is(CheckStatus.COMPLETED))
                .with(Sort.by("completedAt"))
                .limit(limit);
    }

    /** Pending photo checks whose image is unpublished, requested before {@code before} ({@code image_pending}). */
    public static Query unpublishedImages(Instant before, int limit) {
        return query(where("imagePublished")
                        .is(false)
                        .and("status")
                        .is(CheckStatus.PENDING)
                        .and("requestedAt")
                        .lt(before))
                .limit(limit);
    }

    /**
     * Photo checks waiting for their reading (PENDING) or their confirmation (NEEDS_CONFIRMATION) whose
     * deadline is before {@code now} ({@code reading_deadline}).
     */
    public static Query overdue(Instant now, int limit) {
        return query(where("status").in(CheckStatus.PENDING, CheckStatus.NEEDS_CONFIRMATION).and("deadline").lt(now))
                .with(Sort.by("deadline"))
                .limit(limit);
    }
}
