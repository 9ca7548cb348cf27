package com.autochec.document.document;

import com.autochec.contracts.Topics;
import com.autochec.document.audit.DocumentAudit;
import com.autochec.platform.outbox.EmbeddedAuditOutbox;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Publishes the audit events that uploads and decisions write into the changed document
 * ({@link VehicleDocument#audit()}) to {@link Topics#DOCUMENT_AUDIT}, keyed by document id.
 */
@Configuration(proxyBeanMethods = false)
class ChangeAuditConfig {

    @Bean
    EmbeddedAuditOutbox documentChangeAudit(MongoTemplate mongo) {
        return new EmbeddedAuditOutbox(DocumentAudit.CHANGES, Topics.DOCUMENT_AUDIT, VehicleDocument.COLLECTION, mongo,
                EmbeddedAuditOutbox.WhenDone.MARK, EmbeddedAuditOutbox.BY_CARRIER).createIndexes();
    }
}
