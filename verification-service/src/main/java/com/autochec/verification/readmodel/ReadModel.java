package com.autochec.verification.readmodel;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Read access to the vehicle and document projections: one query each, by indexed fields. */
@Component
public class ReadModel {

    private final MongoTemplate mongo;

    ReadModel(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The vehicle registered with this normalised plate. */
    public Optional<VehicleRecord> vehicleByPlate(String plate) {
        return Optional.ofNullable(mongo.findOne(query(where("plate").is(plate)), VehicleRecord.class));
    }

    /** The vehicles registered with any of these normalised plates. */
    public List<VehicleRecord> vehiclesByPlates(Collection<String> plates) {
        if (plates.isEmpty()) {
            return List.of();
        }
        return mongo.find(query(where("plate").in(plates)), VehicleRecord.class);
    }

    /** The documents of the vehicle with this VIN, ordered by type then end of validity. */
    public List<DocumentRecord> documentsByVin(String vin) {
        if (vin == null) {
            return List.of();
        }
        return mongo.find(
                query(where("vin").is(vin)).with(Sort.by("type", "validUntil", "_id")), DocumentRecord.class);
    }
}
