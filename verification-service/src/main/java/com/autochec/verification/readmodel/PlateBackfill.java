package com.autochec.verification.readmodel;

import java.util.LinkedHashSet;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Builds the {@code plates} read model once from the {@code vehicles} and {@code documents} projections
 * when it is empty while they are not (a database written before {@code plates} existed), so that checks
 * need not wait for every vehicle to be published again. A one-time scan at start-up, off every hot path;
 * concurrent rebuilds by the consumers are safe (revisions).
 */
@Component
class PlateBackfill {

    private static final Logger log = LoggerFactory.getLogger(PlateBackfill.class);
    private static final int CHUNK = 500;

    private final MongoTemplate mongo;
    private final ReadModelProjector projector;

    PlateBackfill(MongoTemplate mongo, ReadModelProjector projector) {
        this.mongo = mongo;
        this.projector = projector;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfillIfEmpty() {
        try {
            if (mongo.estimatedCount(ReadModelQueries.PLATES) > 0 || mongo.estimatedCount(ReadModelQueries.VEHICLES) == 0) {
                return;
            }
            Query all = new Query();
            all.fields().include("plate");
            Set<String> chunk = new LinkedHashSet<>();
            int[] total = {0};
            try (var vehicles = mongo.stream(all, Document.class, ReadModelQueries.VEHICLES)) {
                vehicles.forEach(v -> {
                    if (v.get("plate") instanceof String plate) {
                        chunk.add(plate);
                    }
                    if (chunk.size() >= CHUNK) {
                        projector.refreshPlates(chunk);
                        total[0] += chunk.size();
                        chunk.clear();
                    }
                });
            }
            projector.refreshPlates(chunk);
            total[0] += chunk.size();
            log.info("Read model: {} plates built from the stored vehicles and documents", total[0]);
        } catch (RuntimeException e) {
            log.warn("Read model backfill failed (the consumers keep the plates up to date): {}", e.getMessage());
        }
    }
}
