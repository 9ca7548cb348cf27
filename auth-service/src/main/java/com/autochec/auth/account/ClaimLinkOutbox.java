package com.autochec.auth.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.autochec.contracts.Topics;
import com.autochec.contracts.account.AccountVehicleLinked;
import com.autochec.platform.outbox.OutboxSource;
import java.util.List;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Approved claims whose link is still to publish (index {@code claim_link_pending}), sent by the platform's
 * relay to {@link Topics#ACCOUNT_VEHICLE_LINKS} keyed by vehicle id, then marked (a claim is approved once, so it has one link event).
 */
@Component
class ClaimLinkOutbox implements OutboxSource<VehicleClaim> {

    static final String NAME = "account-vehicle-links";

    private final MongoTemplate mongo;

    ClaimLinkOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String topic() {
        return Topics.ACCOUNT_VEHICLE_LINKS;
    }

    @Override
    public List<VehicleClaim> pending(int limit) {
        return mongo.find(Query.query(where("linkPending").is(true)).limit(limit), VehicleClaim.class);
    }

    @Override
    public String key(VehicleClaim claim) {
        return claim.vehicleId();
    }

    @Override
    public Object event(VehicleClaim claim) {
        return new AccountVehicleLinked(claim.linkEventId(), claim.decidedAt(), claim.id(), claim.accountId(),
                claim.vehicleId(), claim.vin(), claim.plate());
    }

    @Override
    public void markPublished(List<VehicleClaim> acknowledged) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, VehicleClaim.class);
        for (VehicleClaim claim : acknowledged) {
            // a claim is approved once: its one link event, marked by id
            bulk.updateOne(Query.query(where("_id").is(claim.id())),
                    new Update().set("linkPending", false));
        }
        bulk.execute();
    }
}
