package com.autochec.verification.readmodel;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the read model from the compacted vehicle and document state topics: empties {@code vehicles},
 * {@code documents} and {@code plates}, then sends both state consumers back to the start of their
 * partitions; they project every retained state again (idempotent by version) and rebuild the plates.
 * Until the replay has passed a plate, a check of it answers "not found": run it when the read model is
 * wrong or lost (docs/operations.md, "Rebuilding verification's read model"), not under load.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final MongoTemplate mongo;
    private final StateListeners listeners;
    private final Clock clock;

    ReadModelRebuild(MongoTemplate mongo, StateListeners listeners, Clock clock) {
        this.mongo = mongo;
        this.listeners = listeners;
        this.clock = clock;
    }

    /** Starts a rebuild; answers what was emptied and when the replay started. */
    public Map<String, Object> rebuild() {
        Instant started = clock.instant();
        long vehicles = mongo.remove(new Query(), ReadModelQueries.VEHICLES).getDeletedCount();
        long documents = mongo.remove(new Query(), ReadModelQueries.DOCUMENTS).getDeletedCount();
        long plates = mongo.remove(new Query(), ReadModelQueries.PLATES).getDeletedCount();
        ReadModelQueries.ensureIndexes(mongo);
        listeners.seekToBeginning();
        log.warn("Read model rebuild started: {} vehicles, {} documents, {} plates removed; replaying the state topics",
                vehicles, documents, plates);
        return Map.of(
                "startedAt", started.toString(),
                "removed", Map.of("vehicles", vehicles, "documents", documents, "plates", plates),
                "replaying", java.util.List.of(com.autochec.contracts.Topics.VEHICLE_STATE, com.autochec.contracts.Topics.DOCUMENT_STATE));
    }

    /** How many vehicles, documents and plates the read model holds now (progress of a rebuild). */
    public Map<String, Long> counts() {
        return Map.of(
                "vehicles", mongo.estimatedCount(ReadModelQueries.VEHICLES),
                "documents", mongo.estimatedCount(ReadModelQueries.DOCUMENTS),
                "plates", mongo.estimatedCount(ReadModelQueries.PLATES));
    }
}
