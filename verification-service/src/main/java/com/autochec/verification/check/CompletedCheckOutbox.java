package com.autochec.verification.check;

import com.autochec.contracts.Topics;
import com.autochec.platform.outbox.OutboxSource;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The outbox of {@code CheckCompleted}: each completed check carries its event ({@code outbox}) in its
 * own document. The platform's relay publishes it right after the write ({@code OutboxRelays.kick},
 * off the request thread, so a slow or absent broker never slows a check down) and marks it published
 * once the broker acknowledged it; its sweep re-sends whatever was left (broker down, crash between
 * the write and the send). At least once; consumers dedupe by eventId.
 */
@Component
class CompletedCheckOutbox implements OutboxSource<CheckDocument> {

    private final CheckRepository checks;

    CompletedCheckOutbox(CheckRepository checks) {
        this.checks = checks;
    }

    @Override
    public String name() {
        return "check-completed";
    }

    @Override
    public String topic() {
        return Topics.CHECK_COMPLETED;
    }

    @Override
    public List<CheckDocument> pending(int limit) {
        return checks.unpublishedCompleted(limit);
    }

    @Override
    public String key(CheckDocument check) {
        return check.id();
    }

    @Override
    public Object event(CheckDocument check) {
        return CheckEvents.completed(check);
    }

    @Override
    public void markPublished(List<CheckDocument> acknowledged) {
        checks.markPublished(acknowledged);
    }
}
