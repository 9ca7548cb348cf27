package com.autochec.ocr.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Reading metrics, tagged by kind (plate, document) and engine: latency histogram
 * ({@code autochec_ocr_reading_seconds}), confidence distribution ({@code autochec_ocr_confidence}) and
 * failures by reason ({@code autochec_ocr_failures_total}).
 */
@Component
class ReadingMetrics {

    private static final double[] CONFIDENCE_BUCKETS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0};

    private final MeterRegistry registry;

    ReadingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void reading(String kind, String engine, boolean success, long millis) {
        Timer.builder("autochec.ocr.reading")
                .description("Time to read one image, decoding included")
                .tags("kind", kind, "engine", engine, "outcome", success ? "success" : "failure")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)
                .record(Duration.ofMillis(millis));
    }

    void confidence(String kind, String engine, double confidence) {
        DistributionSummary.builder("autochec.ocr.confidence")
                .description("Confidence of the best plate candidate, or of each document field")
                .tags("kind", kind, "engine", engine)
                .serviceLevelObjectives(CONFIDENCE_BUCKETS)
                .register(registry)
                .record(confidence);
    }

    void failure(String kind, String engine, String reason) {
        Counter.builder("autochec.ocr.failures")
                .description("Failed readings by reason")
                .tags("kind", kind, "engine", engine, "reason", reason)
                .register(registry)
                .increment();
    }
}
