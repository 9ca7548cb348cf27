package com.autochec.verification.readmodel;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Every query the read model runs, on the request path (a check) or the consumer path (the projector),
 * and the indexes that serve them. Public so that {@code HotQueriesUseIndexesTest} explains exactly these.
 */
public final class ReadModelQueries {

    public static final String PLATES = PlateRecord.COLLECTION;
    public static final String VEHICLES = VehicleRecord.COLLECTION;
    public static final String DOCUMENTS = DocumentRecord.COLLECTION;

    private ReadModelQueries() {}

    /**
     * Creates the indexes (idempotent; at start-up). {@code plates} needs only its {@code _id} index,
     * which exists once the collection does.
     */
    static void ensureIndexes(MongoTemplate mongo) {
        if (!mongo.collectionExists(PLATES)) {
            try {
                mongo.createCollection(PLATES);
            } catch (DataAccessException createdMeanwhile) {
                // another instance created it
            }
        }
        var vehicles = mongo.indexOps(VEHICLES);
        vehicles.createIndex(new Index().on("plate", Sort.Direction.ASC).unique().named("plate_unique"));
        vehicles.createIndex(new Index().on("vin", Sort.Direction.ASC).unique().named("vin_unique"));
        mongo.indexOps(DOCUMENTS).createIndex(new Index().on("vin", Sort.Direction.ASC).named("vin"));
    }

    /** A typed check: the plate's whole read model, by {@code _id}. */
    public static Query plate(String plate) {
        return query(where("_id").is(plate));
    }

    /** A photo check's French candidates, by {@code _id}; also the projector's revisions of a batch. */
    public static Query plates(Collection<String> plates) {
        return query(where("_id").in(plates));
    }

    /** The projector's conditional rewrite of a plate (the revision it read). */
    public static Query plateAtRevision(String plate, long revision) {
        return query(where("_id").is(plate).and("revision").is(revision));
    }

    /** One vehicle or document of the projections, by {@code _id}: the projector's writes. */
    public static Query byId(String id) {
        return query(where("_id").is(id));
    }

    /** The stored vehicles or documents of a batch, by {@code _id} (versions, former plates and VINs). */
    public static Query byIds(Collection<String> ids) {
        return query(where("_id").in(ids));
    }

    /** The vehicle holding a plate ({@code plate_unique}). */
    public static Query vehicleByPlate(String plate) {
        return query(where("plate").is(plate));
    }

    /** The vehicles holding any of these plates ({@code plate_unique}). */
    public static Query vehiclesByPlates(Collection<String> plates) {
        return query(where("plate").in(plates));
    }

    /** The vehicle with a VIN ({@code vin_unique}). */
    public static Query vehicleByVin(String vin) {
        return query(where("vin").is(vin));
    }

    /** The vehicles with any of these VINs ({@code vin_unique}): the plates a document batch touches. */
    public static Query vehiclesByVins(Collection<String> vins) {
        return query(where("vin").in(vins));
    }

    /** The documents of vehicles by VIN ({@code documents.vin}), in the order a check lists them. */
    public static Query documentsByVins(Collection<String> vins) {
        return query(where("vin").in(vins)).with(Sort.by("vin", "type", "validUntil", "_id"));
    }
}
