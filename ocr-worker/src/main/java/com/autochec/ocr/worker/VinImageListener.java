package com.autochec.ocr.worker;

import com.autochec.contracts.Topics;
import com.autochec.contracts.ocr.VinRead;
import com.autochec.ocr.image.FailureReason;
import com.autochec.ocr.vin.VinReader;
import com.autochec.ocr.vin.VinResult;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads each VIN photo ({@link Topics#VIN_IMAGE}) and publishes a {@link VinRead} keyed by the request id on
 * {@link Topics#VIN_READ}; bad input is a failed reading and its record goes to {@code autochec.vin.image.dlt},
 * as for plates. The event id is derived from request and content (a redelivery publishes the same reading).
 */
@Component
class VinImageListener {

    private final VinReader reader;
    private final ImageReadings readings;

    VinImageListener(VinReader reader, ImageReadings readings) {
        this.reader = reader;
        this.readings = readings;
    }

    @KafkaListener(id = "vin-image", idIsGroup = false, topics = Topics.VIN_IMAGE)
    void onVinImage(ConsumerRecord<String, byte[]> record) throws Exception {
        String requestId = readings.requestId(record, "VIN");
        if (requestId == null) {
            return;
        }
        VinResult result = readings.read("VIN", deadline -> reader.read(record.value(), deadline),
                (detail, millis) -> new VinResult(false, FailureReason.ENGINE_ERROR, detail, null, 0, null, null,
                        VinReader.ENGINE, millis));
        VinRead event = new VinRead(ImageRecords.eventId("VinRead", requestId, record.value()), readings.now(), requestId,
                result.success(), result.success() ? null : result.failureReason().name(), result.vin(),
                result.confidence(), result.checkDigitValid(), result.text(), result.engine(), result.durationMillis());
        readings.publish(record, requestId, Topics.VIN_READ, event,
                new ImageReadings.Outcome("vin", result.engine(), result.success(), result.failureReason(),
                        result.detail(), result.durationMillis(),
                        result.success() ? List.of(result.confidence()) : List.of()),
                ImageReadings.POISON);
    }
}
