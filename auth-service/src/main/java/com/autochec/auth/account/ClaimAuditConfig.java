package com.autochec.auth.account;

import com.autochec.contracts.Topics;
import com.autochec.platform.outbox.EmbeddedAuditOutbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Publishes the audit events that filing and deciding a claim write into the claim itself
 * ({@link VehicleClaim#audit()}) to {@link Topics#ACCOUNT_AUDIT}, keyed by claim id.
 */
@Configuration(proxyBeanMethods = false)
class ClaimAuditConfig {

    static final String NAME = "claim-audit";

    @Bean
    EmbeddedAuditOutbox claimAudit(MongoTemplate mongo) {
        return new EmbeddedAuditOutbox(NAME, Topics.ACCOUNT_AUDIT, VehicleClaim.COLLECTION, mongo,
                EmbeddedAuditOutbox.WhenDone.MARK, EmbeddedAuditOutbox.BY_CARRIER).createIndexes();
    }
}
