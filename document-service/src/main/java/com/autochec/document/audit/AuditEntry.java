package com.autochec.document.audit;

import com.autochec.contracts.audit.AuditEvent;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One audit event waiting for (or sent to) {@code autochec.document.audit}; {@code id} is the event id. */
@Document(AuditEntry.COLLECTION)
record AuditEntry(@Id String id, String key, AuditEvent event, boolean published, Instant createdAt) {

    static final String COLLECTION = "audit_outbox";
}
