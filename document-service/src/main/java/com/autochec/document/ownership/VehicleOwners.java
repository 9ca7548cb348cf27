package com.autochec.document.ownership;

import com.autochec.contracts.vehicle.VehicleStateChanged;
import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The {@code vehicle_owners} projection: who owns which VIN, kept from the vehicle state topic. */
@Component
public class VehicleOwners {

    private static final Logger log = LoggerFactory.getLogger(VehicleOwners.class);

    private final MongoTemplate mongo;

    VehicleOwners(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        var ops = mongo.indexOps(VehicleOwner.class);
        ops.createIndex(new Index().on("vin", Sort.Direction.ASC));
        ops.createIndex(new Index().on("plate", Sort.Direction.ASC));
        ops.createIndex(new Index().on("ownerAccountId", Sort.Direction.ASC));
    }

    public Optional<VehicleOwner> byVin(String vin) {
        return Optional.ofNullable(mongo.findOne(live().addCriteria(Criteria.where("vin").is(vin)), VehicleOwner.class));
    }

    public Optional<VehicleOwner> byId(String vehicleId) {
        if (vehicleId == null || vehicleId.length() > 64) return Optional.empty();
        return Optional.ofNullable(
                mongo.findOne(live().addCriteria(Criteria.where("_id").is(vehicleId)), VehicleOwner.class));
    }

    public Optional<VehicleOwner> byPlate(String plate) {
        return Optional.ofNullable(
                mongo.findOne(live().addCriteria(Criteria.where("plate").is(plate)), VehicleOwner.class));
    }

    public List<VehicleOwner> ownedBy(String accountId) {
        if (accountId == null) return List.of();
        return mongo.find(live().addCriteria(Criteria.where("ownerAccountId").is(accountId)), VehicleOwner.class);
    }

    /** Applies a vehicle state unless a same-or-newer version is already stored; returns whether it was applied. */
    public boolean apply(VehicleStateChanged event) {
        if (event == null || event.vehicleId() == null) return false;
        var vehicle = event.vehicle();
        Update update = new Update()
                .set("version", event.version())
                .set("deleted", vehicle == null)
                .set("vin", vehicle == null ? null : vehicle.vin())
                .set("plate", vehicle == null ? null : vehicle.plate())
                .set("ownerAccountId",
                        vehicle == null || vehicle.owner() == null || blank(vehicle.owner().accountId())
                                ? null : vehicle.owner().accountId())
                .set("ownerName", vehicle == null || vehicle.owner() == null ? null : vehicle.owner().name())
                .set("ownerKind", vehicle == null || vehicle.owner() == null ? null : vehicle.owner().kind())
                .set("firstRegistration", vehicle == null ? null : vehicle.firstRegistration());
        Query olderOrMissing = Query.query(
                Criteria.where("_id").is(event.vehicleId()).and("version").lt(event.version()));
        try {
            mongo.upsert(olderOrMissing, update, VehicleOwner.class);
            return true;
        } catch (DuplicateKeyException stale) {
            log.debug("Ignoring vehicle {} version {}: a newer one is stored", event.vehicleId(), event.version());
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Query live() {
        return Query.query(Criteria.where("deleted").is(false));
    }
}
