package com.autochec.ocr.worker;

import com.autochec.ocr.config.OcrProperties;
import com.autochec.ocr.image.Deadline;
import com.autochec.ocr.image.FailureReason;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * What every image listener (plate, VIN, document) does around its reader, written once: the request id (a record
 * without one is dead-lettered), the reader run within the time limit (an engine exception is an ENGINE_ERROR
 * reading, never a stuck record), the reading's metrics, its publication before the offset is committed
 * (at-least-once; event ids are derived from request and content), and the record dead-lettered when the failure
 * says it is poison (bad input: a redelivery would fail the same way).
 */
@Component
class ImageReadings {

    /** Failures that are the input's fault: the raw record goes to {@code <topic>.dlt}. */
    static final Set<FailureReason> POISON = EnumSet.of(FailureReason.NOT_AN_IMAGE, FailureReason.UNDECODABLE_IMAGE,
            FailureReason.IMAGE_TOO_LARGE, FailureReason.TIMEOUT, FailureReason.ENGINE_ERROR);

    private static final Logger log = LoggerFactory.getLogger(ImageReadings.class);

    private final KafkaTemplate<String, Object> readings;
    private final ImageDeadLetters deadLetters;
    private final ReadingMetrics metrics;
    private final OcrProperties properties;
    private final Clock clock;

    ImageReadings(@Qualifier("kafkaTemplate") KafkaTemplate<String, Object> kafkaTemplate, ImageDeadLetters deadLetters,
            ReadingMetrics metrics, OcrProperties properties, Clock clock) {
        this.readings = kafkaTemplate;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** One reading's outcome as metrics and the dead-letter decision see it ({@code confidences}: on success). */
    record Outcome(
            String kind,
            String engine,
            boolean success,
            FailureReason failure,
            String detail,
            long durationMillis,
            List<Double> confidences) {}

    /** The record's request id, or null once a record without one has been dead-lettered. */
    String requestId(ConsumerRecord<String, byte[]> record, String kind) throws Exception {
        String requestId = ImageRecords.requestId(record);
        if (requestId == null) {
            log.warn("{} image at {}-{}@{} has no request id: dead-lettered", kind, record.topic(), record.partition(),
                    record.offset());
            deadLetters.send(record, "MISSING_REQUEST_ID", "no request id");
        }
        return requestId;
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Runs {@code reader} with the reading time limit; an exception of the engine becomes
     * {@code engineError.apply(detail, elapsed milliseconds)}.
     */
    <R> R read(String kind, Function<Deadline, R> reader, BiFunction<String, Long, R> engineError) {
        long start = System.nanoTime();
        try {
            return reader.apply(Deadline.after(properties.timeLimit()));
        } catch (RuntimeException e) {
            log.error("{} engine failed", kind, e);
            return engineError.apply(e.toString(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * Records the reading's metrics, publishes it on {@code topic} keyed by the request id (waiting for the broker),
     * then dead-letters the record when its failure is one of {@code poison}.
     */
    void publish(ConsumerRecord<String, byte[]> record, String requestId, String topic, Object event, Outcome outcome,
            Set<FailureReason> poison) throws Exception {
        metrics.reading(outcome.kind(), outcome.engine(), outcome.success(), outcome.durationMillis());
        if (outcome.success()) {
            outcome.confidences().forEach(c -> metrics.confidence(outcome.kind(), outcome.engine(), c));
        } else {
            metrics.failure(outcome.kind(), outcome.engine(), outcome.failure().name());
        }
        readings.send(topic, requestId, event).get(30, TimeUnit.SECONDS);
        if (!outcome.success() && poison.contains(outcome.failure())) {
            log.info("{} image {} failed: {} ({})", outcome.kind(), requestId, outcome.failure(), outcome.detail());
            deadLetters.send(record, outcome.failure().name(), outcome.failure() + ": " + outcome.detail());
        }
    }
}
