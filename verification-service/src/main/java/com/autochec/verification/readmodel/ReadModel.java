package com.autochec.verification.readmodel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** What a check reads: one {@link PlateRecord} per plate, by {@code _id}. */
@Component
public class ReadModel {

    private final MongoTemplate mongo;

    ReadModel(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The vehicle registered with this canonical plate, with its documents and owner: one read by _id. */
    public Optional<PlateRecord> byPlate(String plate) {
        return Optional.ofNullable(mongo.findOne(ReadModelQueries.plate(plate), PlateRecord.class))
                .filter(p -> p.vehicle() != null);
    }

    /** The registered plates among these canonical plates: one read by _id. */
    public List<PlateRecord> byPlates(Collection<String> plates) {
        if (plates.isEmpty()) {
            return List.of();
        }
        return mongo.find(ReadModelQueries.plates(plates), PlateRecord.class).stream()
                .filter(p -> p.vehicle() != null)
                .toList();
    }
}
