package com.autochec.auth.account;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes of {@code vehicle_claims}, created while the context starts: an account's claims newest
 * first (also the duplicate-pending check, by account then plate), the admins' claims by status newest
 * first, and the approved claims whose link event is still to publish (the outbox relay).
 */
@Component
class ClaimIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    ClaimIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(VehicleClaim.class);
        indexes.createIndex(new Index().on("accountId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .named("claim_account_created"));
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .named("claim_status_created"));
        indexes.createIndex(new Index().on("linkPending", Sort.Direction.ASC).named("claim_link_pending"));
    }
}
