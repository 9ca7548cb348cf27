package com.autochec.vehicle.audit;

import com.autochec.contracts.Topics;
import com.autochec.platform.outbox.EmbeddedAuditOutbox;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The three places vehicle-service's audit events wait for the relay: vehicle changes (in the vehicle
 * document), proposals (in the proposal document) and views ({@code vehicle_views}). All go to
 * {@link Topics#VEHICLE_AUDIT}, keyed by vehicle id.
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfig {

    public static final String VEHICLE_CHANGES = "vehicle-change-audit";
    public static final String PROPOSALS = "proposal-audit";

    @Bean
    EmbeddedAuditOutbox vehicleChangeAudit(MongoTemplate mongo) {
        // a deleted vehicle whose deletion was published too: nothing left to send, the tombstone goes
        return create(VEHICLE_CHANGES, "vehicles", mongo, EmbeddedAuditOutbox.WhenDone.MARK)
                .removingTombstones(Map.of("deleted", true, "outbox.published", true));
    }

    @Bean
    EmbeddedAuditOutbox proposalAudit(MongoTemplate mongo) {
        return create(PROPOSALS, "proposals", mongo, EmbeddedAuditOutbox.WhenDone.MARK);
    }

    @Bean
    EmbeddedAuditOutbox vehicleViewAudit(MongoTemplate mongo) {
        return create(ViewAudit.SOURCE, ViewAudit.COLLECTION, mongo, EmbeddedAuditOutbox.WhenDone.REMOVE);
    }

    private static EmbeddedAuditOutbox create(String name, String collection, MongoTemplate mongo, EmbeddedAuditOutbox.WhenDone whenDone) {
        return new EmbeddedAuditOutbox(name, Topics.VEHICLE_AUDIT, collection, mongo, whenDone,
                EmbeddedAuditOutbox.BY_VEHICLE_ELSE_CARRIER).createIndexes();
    }
}
