package com.autochec.verification.photo;

import com.autochec.contracts.Topics;
import com.autochec.contracts.ocr.PlateRead;
import com.autochec.platform.kafka.PoisonRecordException;
import com.autochec.verification.check.CheckService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Completes photo checks from the OCR worker's readings. Redeliveries are harmless (see CheckService).
 * A reading without request id goes to the dead letters at once; a database outage is retried until it ends.
 */
@Component
class PlateReadListener {

    private final CheckService checks;

    PlateReadListener(CheckService checks) {
        this.checks = checks;
    }

    @KafkaListener(
            id = "plate-read",
            idIsGroup = false,
            topics = Topics.PLATE_READ,
            properties = "spring.json.value.default.type=com.autochec.contracts.ocr.PlateRead")
    void onPlateRead(PlateRead read) {
        if (read == null || read.requestId() == null) {
            throw new PoisonRecordException("PlateRead without requestId");
        }
        checks.completeFromReading(read);
    }
}
