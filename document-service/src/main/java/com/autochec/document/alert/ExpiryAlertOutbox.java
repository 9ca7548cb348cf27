package com.autochec.document.alert;

import com.autochec.contracts.Topics;
import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.document.ExpiryAlertRaised;
import com.autochec.platform.outbox.OutboxSource;
import com.autochec.platform.outbox.OutboxWritten;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The outbox of {@link Topics#EXPIRY_ALERTS}: each alert row is its own pending entry ({@code published: false}) from
 * the insert that creates it; the platform's relay publishes an {@link ExpiryAlertRaised} and marks it published. The
 * event id is the alert's id, so a republished alert is recognised by its consumers.
 */
@Component
class ExpiryAlertOutbox implements OutboxSource<ExpiryAlert> {

    static final String NAME = "expiry-alerts";

    private final ExpiryAlerts alerts;
    private final ApplicationEventPublisher events;

    ExpiryAlertOutbox(ExpiryAlerts alerts, ApplicationEventPublisher events) {
        this.alerts = alerts;
        this.events = events;
    }

    /** An alert was inserted: publish it soon, off the caller's thread. */
    void written() {
        events.publishEvent(new OutboxWritten(NAME));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String topic() {
        return Topics.EXPIRY_ALERTS;
    }

    @Override
    public List<ExpiryAlert> pending(int limit) {
        return alerts.unpublished(limit);
    }

    @Override
    public String key(ExpiryAlert alert) {
        return alert.documentId();
    }

    @Override
    public Object event(ExpiryAlert alert) {
        return raised(alert);
    }

    @Override
    public void markPublished(List<ExpiryAlert> acknowledged) {
        alerts.markPublished(acknowledged.stream().map(ExpiryAlert::id).toList());
    }

    static ExpiryAlertRaised raised(ExpiryAlert a) {
        return new ExpiryAlertRaised(a.id(), a.createdAt(), a.documentId(), a.plate(), DocumentType.valueOf(a.type()),
                a.validUntil(), a.threshold(), a.holderKind(), a.companyName());
    }
}
