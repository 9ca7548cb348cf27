package com.autochec.audit.log;

import com.autochec.contracts.Topics;
import com.autochec.contracts.audit.AuditEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Audits every {@link AuditEvent} of every producer's audit topic ({@link Topics#AUDIT_TOPICS}) into the same chain
 * as the checks; a redelivered event (same {@code eventId}) is stored once.
 */
@Component
class AuditEventListener {

    static final String ID = "audit-events";

    private final AuditLog auditLog;

    AuditEventListener(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @KafkaListener(
            id = ID,
            idIsGroup = false,
            topics = "#{T(com.autochec.contracts.Topics).AUDIT_TOPICS}",
            properties = {
                "spring.json.value.default.type=com.autochec.contracts.audit.AuditEvent",
                "spring.json.use.type.headers=false",
                "spring.json.trusted.packages=com.autochec.contracts.audit"
            })
    void on(AuditEvent event) {
        auditLog.append(AuditEventAudit.draft(event));
    }
}
