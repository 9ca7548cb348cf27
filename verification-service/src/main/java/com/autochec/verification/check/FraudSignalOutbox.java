package com.autochec.verification.check;

import com.autochec.contracts.Topics;
import com.autochec.contracts.fraud.FraudSignalRaised;
import com.autochec.platform.outbox.OutboxSource;
import com.autochec.verification.fraud.FraudSignals;
import com.autochec.verification.rules.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The outbox of {@code FraudSignalRaised} (admin alerts, webhooks): one event per fraud signal of a completed
 * check, derived from its reasons; the check's {@code signalsPublished} flag, written with the completed state, is
 * the pending mark. Key: the plate. The event id is derived from the check id and the code, so a re-send (broker
 * outage, crash before the mark) carries the same id and consumers dedupe it; a redelivered reading never completes
 * a check twice. No person data: the requester's organisation only.
 */
@Component
class FraudSignalOutbox implements OutboxSource<FraudSignalOutbox.Signal> {

    /** One fraud signal of one check, and how many its check raised. */
    record Signal(CheckDocument check, Reason reason, int ofCheck) {}

    private final CheckRepository checks;

    FraudSignalOutbox(CheckRepository checks) {
        this.checks = checks;
    }

    @Override
    public String name() {
        return "fraud-signals";
    }

    @Override
    public String topic() {
        return Topics.FRAUD_SIGNALS;
    }

    @Override
    public List<Signal> pending(int limit) {
        List<Signal> signals = new ArrayList<>();
        for (CheckDocument check : checks.unpublishedSignals(limit)) {
            List<Reason> raised = FraudSignals.raised(check.reasons());
            raised.forEach(r -> signals.add(new Signal(check, r, raised.size())));
        }
        return signals;
    }

    @Override
    public String key(Signal signal) {
        return signal.check().plate();
    }

    @Override
    public Object event(Signal signal) {
        return event(signal.check(), signal.reason());
    }

    static FraudSignalRaised event(CheckDocument check, Reason reason) {
        return new FraudSignalRaised(
                eventId(check.id(), reason.code()),
                check.completedAt(),
                check.plate(),
                check.id(),
                reason.code(),
                reason.severity().name(),
                reason.message(),
                reason.messageFr(),
                new LinkedHashMap<>(reason.evidence()),
                check.requester() == null ? null : check.requester().organisation(),
                check.vehicle() == null ? null : check.vehicle().vehicleId());
    }

    static String eventId(String checkId, String code) {
        return UUID.nameUUIDFromBytes(("FraudSignalRaised|" + checkId + "|" + code).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A check is marked once every one of its signals was acknowledged. */
    @Override
    public void markPublished(List<Signal> acknowledged) {
        Map<String, List<Signal>> byCheck = acknowledged.stream()
                .collect(Collectors.groupingBy(s -> s.check().id(), LinkedHashMap::new, Collectors.toList()));
        List<String> done = byCheck.values().stream()
                .filter(signals -> signals.size() >= signals.get(0).ofCheck())
                .map(signals -> signals.get(0).check().id())
                .toList();
        checks.markSignalsPublished(done);
    }
}
