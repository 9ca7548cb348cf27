package com.autochec.vehicle.registry;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** MongoDB access to the {@code vehicles} collection. Tombstones (deleted vehicles) are never returned. */
@Component
public class VehicleStore implements InitializingBean {

    public static final String PLATE = "plate";
    public static final String VIN = "vin";
    public static final String VERSION = "version";
    public static final String DELETED = "deleted";
    public static final String OUTBOX_PUBLISHED = "outbox.published";
    static final String ACCOUNT = "owner.accountId";
    static final String OWNER_ID = "owner.ownerId";

    private final MongoTemplate mongo;

    VehicleStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Unique plate and VIN (sparse: tombstones have neither), owner account, pending outbox entries.
     * Lookups by plate or VIN need no "not deleted" filter since tombstones carry no plate or VIN.
     */
    @Override
    public void afterPropertiesSet() {
        IndexOperations indexes = mongo.indexOps(VehicleDocument.class);
        indexes.createIndex(new Index().on(PLATE, Sort.Direction.ASC).unique().sparse().named("plate_unique"));
        indexes.createIndex(new Index().on(VIN, Sort.Direction.ASC).unique().sparse().named("vin_unique"));
        indexes.createIndex(new Index().on(ACCOUNT, Sort.Direction.ASC).sparse().named("owner_account"));
        // a holder's vehicles (admin's owner record and its update)
        indexes.createIndex(new Index().on(OWNER_ID, Sort.Direction.ASC).sparse().named("owner_id"));
        indexes.createIndex(new Index().on(OUTBOX_PUBLISHED, Sort.Direction.ASC).named("outbox_published"));
        // Live vehicles by plate (the admin list in plate order, batched import lookups) and by VIN (batched
        // import lookups). The unique sparse indexes above serve single lookups; the embedded store of the
        // local stack serves neither $in nor a range from a sparse unique index, these non-unique ones it does.
        indexes.createIndex(new Index().on(DELETED, Sort.Direction.ASC).on(PLATE, Sort.Direction.ASC).named("live_plate"));
        indexes.createIndex(new Index().on(DELETED, Sort.Direction.ASC).on(VIN, Sort.Direction.ASC).named("live_vin"));
        // Conditional writes filter on exactly (_id, version); MongoDB serves them from _id alone, the
        // embedded wire server of the local stack needs an index with exactly these keys.
        indexes.createIndex(new Index()
                .on("_id", Sort.Direction.ASC)
                .on(VERSION, Sort.Direction.ASC)
                .unique()
                .named("id_version"));
    }

    public MongoTemplate mongo() {
        return mongo;
    }

    public VehicleDocument insert(VehicleDocument vehicle) {
        return mongo.insert(vehicle);
    }

    /** Matches the document only while it is still at {@code version}. */
    public static Query atVersion(String id, long version) {
        return Query.query(where("_id").is(id).and(VERSION).is(version));
    }

    /** Replaces the stored document only if it still has {@code expectedVersion}; false otherwise. */
    public boolean replace(VehicleDocument next, long expectedVersion) {
        Query current = atVersion(next.id(), expectedVersion);
        return mongo.findAndReplace(current, next, FindAndReplaceOptions.options().returnNew())
                != null;
    }

    public Optional<VehicleDocument> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, VehicleDocument.class)).filter(v -> !v.deleted());
    }

    public Optional<VehicleDocument> findByPlate(String plate) {
        return Optional.ofNullable(mongo.findOne(Query.query(where(PLATE).is(plate)), VehicleDocument.class));
    }

    public Optional<VehicleDocument> findByVin(String vin) {
        return Optional.ofNullable(mongo.findOne(Query.query(where(VIN).is(vin)), VehicleDocument.class));
    }

    /** Live vehicles with one of the VINs (import batches; index {@code live_vin}). */
    public List<VehicleDocument> findByVins(Collection<String> vins) {
        return mongo.find(Query.query(where(DELETED).is(false).and(VIN).in(vins)), VehicleDocument.class);
    }

    /** Live vehicles with one of the plates (import batches; index {@code live_plate}). */
    public List<VehicleDocument> findByPlates(Collection<String> plates) {
        return mongo.find(Query.query(where(DELETED).is(false).and(PLATE).in(plates)), VehicleDocument.class);
    }

    public List<VehicleDocument> findByAccount(String accountId) {
        return mongo.find(live(where(ACCOUNT).is(accountId)).with(Sort.by(PLATE)), VehicleDocument.class);
    }

    /** The live vehicles a holder holds (index {@code owner_id}), at most {@code limit}. */
    public List<VehicleDocument> findByOwnerId(String ownerId, int limit) {
        return mongo.find(live(where(OWNER_ID).is(ownerId)).with(Sort.by(PLATE)).limit(limit), VehicleDocument.class);
    }

    /** The admin's list of live vehicles in plate order (index {@code live_plate}, which also gives the order). */
    public List<VehicleDocument> page(int page, int size) {
        Query query = allLive().with(Sort.by(PLATE)).skip((long) page * size).limit(size);
        return mongo.find(query, VehicleDocument.class);
    }

    /** The number of live vehicles (admin list; index {@code live_plate}). */
    public long countLive() {
        return mongo.count(allLive(), VehicleDocument.class);
    }

    /** Every live vehicle ({@code deleted} is always written: false until the vehicle is deleted). */
    static Query allLive() {
        return Query.query(where(DELETED).is(false));
    }

    private static Query live(Criteria criteria) {
        return Query.query(criteria.and(DELETED).ne(true));
    }
}
