package com.autochec.audit.log;

import com.autochec.contracts.Topics;
import com.autochec.contracts.check.CheckCompleted;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Audits every completed check (redeliveries are stored once). */
@Component
class CheckCompletedListener {

    private final AuditLog auditLog;

    CheckCompletedListener(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @KafkaListener(
            topics = Topics.CHECK_COMPLETED,
            properties = {
                "spring.json.value.default.type=com.autochec.contracts.check.CheckCompleted",
                "spring.json.use.type.headers=false"
            })
    void on(CheckCompleted event) {
        auditLog.append(CheckCompletedAudit.draft(event));
    }
}
