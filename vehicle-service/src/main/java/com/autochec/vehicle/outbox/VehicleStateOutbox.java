package com.autochec.vehicle.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.autochec.contracts.Topics;
import com.autochec.platform.outbox.OutboxRelays;
import com.autochec.platform.outbox.OutboxSource;
import com.autochec.vehicle.registry.VehicleChangesSaved;
import com.autochec.vehicle.registry.VehicleDocument;
import com.autochec.vehicle.registry.VehicleStore;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The vehicle documents' pending outbox entries, published by the platform's relay to
 * {@link Topics#VEHICLE_STATE} (key = vehicle id) right after writes ({@link VehicleChangesSaved})
 * and on its sweep. Pending entries are found through the {@code outbox_published} index
 * ({@link VehicleStore}); consumers ignore versions they already have.
 */
@Component
class VehicleStateOutbox implements OutboxSource<VehicleDocument> {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ObjectProvider<OutboxRelays> relays;

    VehicleStateOutbox(VehicleStore store, Clock clock, ObjectProvider<OutboxRelays> relays) {
        this.mongo = store.mongo();
        this.clock = clock;
        this.relays = relays;
    }

    @EventListener
    void onChangesSaved(VehicleChangesSaved event) {
        relays.getObject().kick(this);
    }

    @Override
    public String name() {
        return "vehicle-state";
    }

    @Override
    public String topic() {
        return Topics.VEHICLE_STATE;
    }

    @Override
    public List<VehicleDocument> pending(int limit) {
        return mongo.find(
                Query.query(where(VehicleStore.OUTBOX_PUBLISHED).is(false)).limit(limit), VehicleDocument.class);
    }

    @Override
    public String key(VehicleDocument vehicle) {
        return vehicle.id();
    }

    @Override
    public Object event(VehicleDocument vehicle) {
        return VehicleEvents.stateChanged(vehicle);
    }

    /**
     * One bulk write: mark each entry published if the document is still at the version sent (a newer
     * change keeps its own pending entry); remove tombstones whose deletion was sent and whose audit events
     * were published (otherwise the audit relay removes it once they are: whichever relay finishes last does).
     */
    @Override
    public void markPublished(List<VehicleDocument> acknowledged) {
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, VehicleDocument.class);
        for (VehicleDocument vehicle : acknowledged) {
            // the outbox carries the document's version: still at it = this entry is still the latest
            Query sent = VehicleStore.atVersion(vehicle.id(), vehicle.outbox().version());
            bulk.updateOne(sent, new Update().set(VehicleStore.OUTBOX_PUBLISHED, true).set("outbox.publishedAt", now));
            if (vehicle.deleted()) {
                // the tombstone goes once its audit events are published too (else the audit relay removes it)
                bulk.remove(Query.query(where("_id").is(vehicle.id()).and(VehicleStore.VERSION).is(vehicle.outbox().version())
                        .and(com.autochec.platform.outbox.AuditOutbox.PUBLISHED).is(true)));
            }
        }
        bulk.execute();
    }
}
