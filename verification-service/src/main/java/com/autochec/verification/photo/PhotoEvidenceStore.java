package com.autochec.verification.photo;

import com.autochec.platform.objectstore.ObjectStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps plate photos as evidence: the bytes in the platform's {@link ObjectStore} (files in the local
 * stack, S3/MinIO elsewhere) under {@code plate-photos/<UTC day>/<check id>} (a VIN photo: {@code <check id>-vin}),
 * the metadata in MongoDB
 * ({@link PhotoEvidence}). The object is durable before its metadata is written; an object whose metadata
 * write was lost (a crash in between) is removed with its day (see {@link PhotoEvidenceRetention}).
 */
@Component
class PhotoEvidenceStore {

    static final String PREFIX = "plate-photos/";
    /** Appended to the check id for a check's VIN photo (its evidence id and object key). */
    static final String VIN_SUFFIX = "-vin";
    /** Where earlier versions kept the photos, bytes included. */
    static final String LEGACY_COLLECTION = "photos";

    private static final Logger log = LoggerFactory.getLogger(PhotoEvidenceStore.class);

    private final MongoTemplate mongo;
    private final ObjectStore objects;
    private final Clock clock;

    PhotoEvidenceStore(MongoTemplate mongo, ObjectStore objects, Clock clock) {
        this.mongo = mongo;
        this.objects = objects;
        this.clock = clock;
        EvidenceQueries.ensureIndexes(mongo);
    }

    /** Stores the photo (object, then metadata) and returns its metadata. */
    PhotoEvidence store(String checkId, String contentType, byte[] data) {
        Instant now = clock.instant();
        String key = dayPrefix(LocalDate.ofInstant(now, ZoneOffset.UTC)) + checkId;
        objects.put(key, data, contentType);
        PhotoEvidence evidence = new PhotoEvidence(checkId, key, contentType, data.length, sha256(data), now);
        mongo.insert(evidence);
        return evidence;
    }

    Optional<PhotoEvidence> find(String checkId) {
        return Optional.ofNullable(mongo.findOne(EvidenceQueries.byCheckId(checkId), PhotoEvidence.class));
    }

    /** The photo's bytes from the object store; empty if the object is gone or does not match its checksum. */
    Optional<byte[]> read(PhotoEvidence evidence) {
        Optional<byte[]> data = objects.get(evidence.key()).map(ObjectStore.StoredObject::readAllBytes);
        if (data.isPresent() && !sha256(data.get()).equals(evidence.sha256())) {
            log.error("Evidence photo {} does not match its checksum: not used", evidence.key());
            return Optional.empty();
        }
        return data;
    }

    /** Deletes up to {@code limit} photos stored before {@code cutoff}, objects first; returns how many. */
    int deleteStoredBefore(Instant cutoff, int limit) {
        List<PhotoEvidence> expired = mongo.find(EvidenceQueries.storedBefore(cutoff, limit), PhotoEvidence.class);
        for (PhotoEvidence evidence : expired) {
            objects.delete(evidence.key());
            mongo.remove(EvidenceQueries.byCheckId(evidence.checkId()), PhotoEvidence.class);
        }
        return expired.size();
    }

    /** Deletes every object of one UTC day (photos whose metadata write was lost); returns how many. */
    int deleteDay(LocalDate day) {
        return objects.deleteOlderThan(dayPrefix(day), Instant.MAX);
    }

    /**
     * Moves the photos an earlier version kept inside MongoDB (collection {@code photos}, bytes included)
     * to the object store, one at a time, then drops that collection. Returns how many were moved.
     */
    int migrateLegacy() {
        if (!mongo.collectionExists(LEGACY_COLLECTION)) {
            return 0;
        }
        int moved = 0;
        for (Document legacy = mongo.findOne(new Query().limit(1), Document.class, LEGACY_COLLECTION);
                legacy != null;
                legacy = mongo.findOne(new Query().limit(1), Document.class, LEGACY_COLLECTION)) {
            String checkId = String.valueOf(legacy.get("_id"));
            if (legacy.get("data") instanceof Binary binary && find(checkId).isEmpty()) {
                byte[] data = binary.getData();
                Instant storedAt = legacy.get("storedAt") instanceof Date date ? date.toInstant() : clock.instant();
                String contentType = legacy.get("contentType") instanceof String type ? type : "application/octet-stream";
                String key = dayPrefix(LocalDate.ofInstant(storedAt, ZoneOffset.UTC)) + checkId;
                objects.put(key, data, contentType);
                try {
                    mongo.insert(new PhotoEvidence(checkId, key, contentType, data.length, sha256(data), storedAt));
                } catch (DuplicateKeyException alreadyMoved) {
                    // another instance moved it meanwhile
                }
            }
            mongo.remove(EvidenceQueries.byCheckId(checkId), LEGACY_COLLECTION);
            moved++;
        }
        mongo.dropCollection(LEGACY_COLLECTION);
        log.info("Moved {} evidence photos from MongoDB to the object store", moved);
        return moved;
    }

    static String dayPrefix(LocalDate day) {
        return PREFIX + day + "/";
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
