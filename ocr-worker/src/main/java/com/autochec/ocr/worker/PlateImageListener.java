package com.autochec.ocr.worker;

import com.autochec.contracts.Topics;
import com.autochec.contracts.ocr.PlateRead;
import com.autochec.ocr.image.FailureReason;
import com.autochec.ocr.plate.PlateReader;
import com.autochec.ocr.plate.PlateResult;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads each plate image and publishes a {@link PlateRead} keyed by the request id — a failed reading
 * with a reason for bad input, with the raw record sent to {@code autochec.plate.image.dlt}. The
 * reading is published before the offset is committed (at-least-once; the event id is derived from
 * request and content, so a redelivery publishes the same reading).
 */
@Component
class PlateImageListener {

    private final PlateReader reader;
    private final ImageReadings readings;

    PlateImageListener(PlateReader reader, ImageReadings readings) {
        this.reader = reader;
        this.readings = readings;
    }

    @KafkaListener(id = "plate-image", idIsGroup = false, topics = Topics.PLATE_IMAGE)
    void onPlateImage(ConsumerRecord<String, byte[]> record) throws Exception {
        String requestId = readings.requestId(record, "plate");
        if (requestId == null) {
            return;
        }
        PlateResult result = readings.read("plate", deadline -> reader.read(record.value(), deadline),
                (detail, millis) -> new PlateResult(false, FailureReason.ENGINE_ERROR, detail,
                        List.of(), reader.engineName(), millis));
        PlateRead event = new PlateRead(ImageRecords.eventId("PlateRead", requestId, record.value()), readings.now(),
                requestId, result.success(), result.success() ? null : result.failureReason().name(),
                result.candidates(), result.engine(), result.durationMillis(), result.colour());
        readings.publish(record, requestId, Topics.PLATE_READ, event,
                new ImageReadings.Outcome("plate", result.engine(), result.success(), result.failureReason(),
                        result.detail(), result.durationMillis(),
                        result.success() ? List.of(result.candidates().get(0).confidence()) : List.of()),
                ImageReadings.POISON);
    }
}
