package com.autochec.audit.log;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The audit as Prometheus metrics (at {@code /actuator/prometheus}), counted once per newly recorded entry:
 * {@code autochec_audit_checks_total{role,channel,verdict}}, {@code autochec_audit_check_reasons_total{code,fraud}},
 * {@code autochec_audit_check_latency_seconds} (requested → completed, with p50/p95/p99) and
 * {@code autochec_audit_events_total{action}}.
 */
@Component
public class AuditMetrics {

    private final MeterRegistry meters;
    private final Timer latency;

    AuditMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.latency = Timer.builder("autochec.audit.check.latency")
                .description("Time from a check's request to its verdict, as audited")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    void recorded(AuditEntry entry) {
        if (!AuditEntry.CHECK_PERFORMED.equals(entry.action())) {
            Counter.builder("autochec.audit.events").description("Audited events other than checks")
                    .tag("action", entry.action()).register(meters).increment();
            return;
        }
        String role = entry.actor() == null || entry.actor().role() == null ? "public" : entry.actor().role();
        Counter.builder("autochec.audit.checks").description("Audited checks")
                .tag("role", role)
                .tag("channel", channel(entry.source()))
                .tag("verdict", entry.verdict() == null ? "NONE" : entry.verdict())
                .register(meters).increment();
        List<String> codes = entry.reasonCodes();
        if (codes != null) {
            for (String code : codes) {
                if (code == null) continue;
                Counter.builder("autochec.audit.check.reasons").description("Rule results of audited checks")
                        .tag("code", code).tag("fraud", Boolean.toString(fraudSignal(code)))
                        .register(meters).increment();
            }
        }
        if (entry.requestedAt() != null && entry.occurredAt() != null
                && !entry.occurredAt().isBefore(entry.requestedAt())) {
            latency.record(Duration.between(entry.requestedAt(), entry.occurredAt()));
        }
    }

    /** TYPED or PHOTO (anything else as sent, upper case; UNKNOWN when absent). */
    public static String channel(String source) {
        return source == null || source.isBlank() ? "UNKNOWN" : source.toUpperCase(Locale.ROOT);
    }

    /** Rule codes that signal fraud, as every consumer of checks counts them ({@code ReasonCodes}, contracts). */
    public static boolean fraudSignal(String code) {
        return com.autochec.contracts.check.ReasonCodes.isFraudSignal(code);
    }
}
