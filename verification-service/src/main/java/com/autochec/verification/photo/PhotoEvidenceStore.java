package com.autochec.verification.photo;

import java.time.Clock;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Keeps plate photos as evidence, one document per check (at most 10 MB, below MongoDB's 16 MB limit). */
@Component
class PhotoEvidenceStore {

    private final MongoTemplate mongo;
    private final Clock clock;

    PhotoEvidenceStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    void store(String checkId, String contentType, byte[] data) {
        mongo.insert(new PhotoEvidence(checkId, contentType, data.length, data, clock.instant()));
    }

    PhotoEvidence find(String checkId) {
        return mongo.findById(checkId, PhotoEvidence.class);
    }
}
