package com.autochec.report.webhook;

import com.autochec.contracts.Topics;
import com.autochec.contracts.check.CheckCompleted;
import com.autochec.contracts.document.ExpiryAlertRaised;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes completed checks and expiry alerts for webhooks, in a consumer group of its own
 * ({@code <application>-webhooks}): the reports' consumer and this one each see every check, and a report that cannot
 * be rendered never holds webhooks back. Offsets are committed after the deliveries are recorded (ack mode RECORD);
 * failures follow the platform's retry and dead-letter policy.
 */
@Component
class WebhookListeners {

    static final String GROUP = "${spring.application.name}-webhooks";

    private final WebhookDispatcher dispatcher;

    WebhookListeners(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = "webhooks-checks", groupId = GROUP, topics = Topics.CHECK_COMPLETED)
    void on(CheckCompleted check) {
        dispatcher.dispatch(WebhookEvents.of(check));
    }

    @KafkaListener(id = "webhooks-expiry-alerts", groupId = GROUP, topics = Topics.EXPIRY_ALERTS)
    void on(ExpiryAlertRaised alert) {
        dispatcher.dispatch(WebhookEvents.of(alert));
    }
}
