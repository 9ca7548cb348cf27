package com.autochec.verification.check;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import com.autochec.verification.fraud.VinReading;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Storage of checks: single-document writes only, state changes guarded by conditions ({@link CheckQueries}). */
@Component
class CheckRepository {

    private final MongoTemplate mongo;

    CheckRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        CheckQueries.ensureIndexes(mongo);
    }

    void insert(CheckDocument check) {
        mongo.insert(check);
    }

    Optional<CheckDocument> findById(String id) {
        return Optional.ofNullable(mongo.findOne(CheckQueries.byId(id), CheckDocument.class));
    }

    /**
     * Replaces a pending check by its completed state; false if it is no longer pending (a reading and
     * the deadline raced, or a redelivery) or no longer exists. By _id (an index hit on every MongoDB,
     * the embedded wire server included), conditional on the status.
     */
    boolean complete(CheckDocument completed) {
        return replaceIfStatus(completed, CheckStatus.PENDING);
    }

    /** Replaces a check by its next state only while it is still in {@code status}; false otherwise. */
    boolean replaceIfStatus(CheckDocument next, CheckStatus status) {
        return mongo.replace(CheckQueries.inStatus(next.id(), status), next, CheckDocument.COLLECTION)
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
                    CheckQueries.carryingEvent(check.id(), check.outbox().eventId()),
                    Update.update("outbox.published", true));
        }
        bulk.execute();
    }

    /**
     * Keeps the plate reading of a pending check that waits for its VIN reading too; returns the check as it now is
     * (its VIN reading may have arrived meanwhile), empty when it is no longer pending or has no VIN photo. One
     * atomic update: a VIN reading written at the same time is never lost.
     */
    Optional<CheckDocument> holdPlateReading(String id, CheckDocument.HeldReading reading) {
        return Optional.ofNullable(mongo.findAndModify(
                CheckQueries.awaitingVin(id), Update.update("vinPhoto.plateRead", reading),
                FindAndModifyOptions.options().returnNew(true), CheckDocument.class));
    }

    /**
     * Records the VIN reading of a pending check, once; returns the check as it now is (its plate reading may have
     * arrived meanwhile), empty when it is no longer pending, has no VIN photo or was already read.
     */
    Optional<CheckDocument> recordVinReading(String id, VinReading reading) {
        return Optional.ofNullable(mongo.findAndModify(
                CheckQueries.vinUnread(id), Update.update("vinPhoto.reading", reading),
                FindAndModifyOptions.options().returnNew(true), CheckDocument.class));
    }

    void markVinImagePublished(String id) {
        mongo.updateFirst(CheckQueries.byId(id), Update.update("vinPhoto.imagePublished", true), CheckDocument.class);
    }

    /** Pending checks whose VIN image is still unpublished, requested before {@code before}. */
    List<CheckDocument> unpublishedVinImages(Instant before, int limit) {
        return mongo.find(CheckQueries.unpublishedVinImages(before, limit), CheckDocument.class);
    }

    /** Completed checks whose fraud-signal events are still unpublished, oldest first. */
    List<CheckDocument> unpublishedSignals(int limit) {
        return mongo.find(CheckQueries.unpublishedSignals(limit), CheckDocument.class);
    }

    void markSignalsPublished(List<String> ids) {
        if (!ids.isEmpty()) {
            mongo.updateMulti(CheckQueries.byIds(ids), Update.update("signalsPublished", true), CheckDocument.class);
        }
    }

    void markImagePublished(String id) {
        mongo.updateFirst(CheckQueries.byId(id), Update.update("imagePublished", true), CheckDocument.class);
    }

    /** One page of a requester's checks, newest first, with one more than {@code size} when older ones exist. */
    List<CheckDocument> byRequester(String subject, int page, int size) {
        return mongo.find(CheckQueries.byRequester(subject, page, size), CheckDocument.class);
    }

    /** Completed checks whose event is still unpublished, oldest first. */
    List<CheckDocument> unpublishedCompleted(int limit) {
        return mongo.find(CheckQueries.unpublishedCompleted(limit), CheckDocument.class);
    }

    /** Pending photo checks whose image is still unpublished, requested before {@code before}. */
    List<CheckDocument> unpublishedImages(Instant before, int limit) {
        return mongo.find(CheckQueries.unpublishedImages(before, limit), CheckDocument.class);
    }

    /** Pending or unconfirmed photo checks whose deadline passed before {@code now}, earliest first. */
    List<CheckDocument> overdue(Instant now, int limit) {
        return mongo.find(CheckQueries.overdue(now, limit), CheckDocument.class);
    }
}
