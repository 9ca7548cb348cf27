package com.autochec.ocr.worker;

import com.autochec.contracts.Topics;
import com.autochec.contracts.ocr.VinRead;
import com.autochec.ocr.config.OcrProperties;
import com.autochec.ocr.image.Deadline;
import com.autochec.ocr.image.FailureReason;
import com.autochec.ocr.vin.VinReader;
import com.autochec.ocr.vin.VinResult;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads each VIN photo ({@link Topics#VIN_IMAGE}) and publishes a {@link VinRead} keyed by the request id on
 * {@link Topics#VIN_READ}; bad input is a failed reading and its record goes to {@code autochec.vin.image.dlt},
 * as for plates. The event id is derived from request and content (a redelivery publishes the same reading).
 */
@Component
class VinImageListener {

    private static final Logger log = LoggerFactory.getLogger(VinImageListener.class);

    private final VinReader reader;
    private final KafkaTemplate<String, Object> readings;
    private final ImageDeadLetters deadLetters;
    private final ReadingMetrics metrics;
    private final OcrProperties properties;
    private final Clock clock;

    VinImageListener(VinReader reader, @Qualifier("kafkaTemplate") KafkaTemplate<String, Object> kafkaTemplate,
            ImageDeadLetters deadLetters, ReadingMetrics metrics, OcrProperties properties, Clock clock) {
        this.reader = reader;
        this.readings = kafkaTemplate;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    @KafkaListener(id = "vin-image", idIsGroup = false, topics = Topics.VIN_IMAGE)
    void onVinImage(ConsumerRecord<String, byte[]> record) throws Exception {
        String requestId = ImageRecords.requestId(record);
        if (requestId == null) {
            log.warn("VIN image at {}-{}@{} has no request id: dead-lettered", record.topic(), record.partition(), record.offset());
            deadLetters.send(record, "MISSING_REQUEST_ID", "no request id");
            return;
        }
        VinResult result = read(record.value());
        VinRead event = new VinRead(ImageRecords.eventId("VinRead", requestId, record.value()), clock.instant(), requestId,
                result.success(), result.success() ? null : result.failureReason().name(), result.vin(),
                result.confidence(), result.checkDigitValid(), result.text(), result.engine(), result.durationMillis());
        metrics.reading("vin", result.engine(), result.success(), result.durationMillis());
        if (result.success()) {
            metrics.confidence("vin", result.engine(), result.confidence());
        } else {
            metrics.failure("vin", result.engine(), result.failureReason().name());
        }
        readings.send(Topics.VIN_READ, requestId, event).get(30, TimeUnit.SECONDS);
        if (!result.success() && PlateImageListener.POISON.contains(result.failureReason())) {
            log.info("VIN image {} failed: {} ({})", requestId, result.failureReason(), result.detail());
            deadLetters.send(record, result.failureReason().name(), result.failureReason() + ": " + result.detail());
        }
    }

    private VinResult read(byte[] bytes) {
        long start = System.nanoTime();
        try {
            return reader.read(bytes, Deadline.after(properties.timeLimit()));
        } catch (RuntimeException e) {
            log.error("VIN reader failed", e);
            return new VinResult(false, FailureReason.ENGINE_ERROR, e.toString(), null, 0, null, null, VinReader.ENGINE,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
