package com.autochec.report.report;

import com.autochec.contracts.Topics;
import com.autochec.contracts.check.CheckCompleted;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@link Topics#CHECK_COMPLETED}. Offsets are committed after each record is handled (ack mode
 * RECORD), i.e. after the report is saved: a restart re-delivers at most the records in flight, which the
 * unique {@code checkId} turns into no-ops. Failures are retried, then dead-lettered (see KafkaConfig).
 */
@Component
class CheckCompletedListener {

    static final String ID = "check-completed-reports";

    private final ReportIssuer issuer;

    CheckCompletedListener(ReportIssuer issuer) {
        this.issuer = issuer;
    }

    @KafkaListener(id = CheckCompletedListener.ID, idIsGroup = false, topics = Topics.CHECK_COMPLETED)
    void on(CheckCompleted check) {
        issuer.issue(check);
    }
}
