package com.autochec.ocr.worker;

import com.autochec.contracts.Topics;
import com.autochec.contracts.ocr.PlateRead;
import com.autochec.ocr.config.OcrProperties;
import com.autochec.ocr.image.Deadline;
import com.autochec.ocr.image.FailureReason;
import com.autochec.ocr.plate.PlateReader;
import com.autochec.ocr.plate.PlateResult;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads each plate image and publishes a {@link PlateRead} keyed by the request id — a failed reading
 * with a reason for bad input, with the raw record sent to {@code autochec.plate.image.dlt}. The
 * reading is published before the offset is committed (at-least-once; the event id is derived from
 * request and content, so a redelivery publishes the same reading).
 */
@Component
class PlateImageListener {

    private static final Logger log = LoggerFactory.getLogger(PlateImageListener.class);
    static final List<FailureReason> POISON = List.of(FailureReason.NOT_AN_IMAGE, FailureReason.UNDECODABLE_IMAGE,
            FailureReason.IMAGE_TOO_LARGE, FailureReason.TIMEOUT, FailureReason.ENGINE_ERROR);

    private final PlateReader reader;
    private final KafkaTemplate<String, Object> readings;
    private final ImageDeadLetters deadLetters;
    private final ReadingMetrics metrics;
    private final OcrProperties properties;
    private final Clock clock;

    PlateImageListener(PlateReader reader, @Qualifier("kafkaTemplate") KafkaTemplate<String, Object> kafkaTemplate,
            ImageDeadLetters deadLetters, ReadingMetrics metrics, OcrProperties properties, Clock clock) {
        this.reader = reader;
        this.readings = kafkaTemplate;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    @KafkaListener(id = "plate-image", idIsGroup = false, topics = Topics.PLATE_IMAGE)
    void onPlateImage(ConsumerRecord<String, byte[]> record) throws Exception {
        String requestId = ImageRecords.requestId(record);
        if (requestId == null) {
            log.warn("plate image at {}-{}@{} has no request id: dead-lettered", record.topic(), record.partition(), record.offset());
            deadLetters.send(record, "MISSING_REQUEST_ID", "no request id");
            return;
        }
        PlateResult result = read(record.value());
        PlateRead event = new PlateRead(ImageRecords.eventId("PlateRead", requestId, record.value()), clock.instant(),
                requestId, result.success(), result.success() ? null : result.failureReason().name(),
                result.candidates(), result.engine(), result.durationMillis(), result.colour());
        metrics.reading("plate", result.engine(), result.success(), result.durationMillis());
        if (result.success()) {
            metrics.confidence("plate", result.engine(), result.candidates().get(0).confidence());
        } else {
            metrics.failure("plate", result.engine(), result.failureReason().name());
        }
        send(Topics.PLATE_READ, requestId, event);
        if (!result.success() && POISON.contains(result.failureReason())) {
            log.info("plate image {} failed: {} ({})", requestId, result.failureReason(), result.detail());
            deadLetters.send(record, result.failureReason().name(), result.failureReason() + ": " + result.detail());
        }
    }

    private PlateResult read(byte[] bytes) {
        long start = System.nanoTime();
        try {
            return reader.read(bytes, Deadline.after(properties.timeLimit()));
        } catch (RuntimeException e) {
            log.error("plate engine failed", e);
            return new PlateResult(false, FailureReason.ENGINE_ERROR, e.toString(), List.of(), reader.engineName(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void send(String topic, String key, Object event) throws InterruptedException, ExecutionException, TimeoutException {
        readings.send(topic, key, event).get(30, TimeUnit.SECONDS);
    }
}
