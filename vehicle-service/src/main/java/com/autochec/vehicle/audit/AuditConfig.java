package com.autochec.vehicle.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The three places vehicle-service's audit events wait for the relay: vehicle changes (in the vehicle
 * document), proposals (in the proposal document) and views ({@code vehicle_views}). All go to
 * {@link com.autochec.contracts.Topics#VEHICLE_AUDIT}.
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfig {

    public static final String VEHICLE_CHANGES = "vehicle-change-audit";
    public static final String PROPOSALS = "proposal-audit";

    @Bean
    EmbeddedAuditOutbox vehicleChangeAudit(MongoTemplate mongo) {
        return create(VEHICLE_CHANGES, "vehicles", mongo, EmbeddedAuditOutbox.WhenDone.MARK_REMOVE_TOMBSTONE);
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
        EmbeddedAuditOutbox outbox = new EmbeddedAuditOutbox(name, collection, mongo, whenDone);
        outbox.createIndex();
        // the conditional mark filters on exactly (_id, version): the embedded store needs this index
        mongo.indexOps(collection).createIndex(new Index()
                .on("_id", Sort.Direction.ASC)
                .on("version", Sort.Direction.ASC)
                .unique()
                .named("id_version"));
        return outbox;
    }
}
