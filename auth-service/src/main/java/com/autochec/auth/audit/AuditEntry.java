package com.autochec.auth.audit;

import com.autochec.contracts.audit.AuditEvent;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One audit event waiting for (or past) its publication on {@code autochec.account.audit} (collection
 * {@code audit_outbox}): {@code published} turns true once the broker acknowledged it.
 */
@Document(AuditEntry.COLLECTION)
record AuditEntry(@Id String id, String key, AuditEvent event, boolean published, Instant createdAt, Instant publishedAt) {

    static final String COLLECTION = "audit_outbox";
    static final String PUBLISHED = "published";
}
