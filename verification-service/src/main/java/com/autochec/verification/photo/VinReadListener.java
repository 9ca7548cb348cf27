package com.autochec.verification.photo;

import com.autochec.contracts.Topics;
import com.autochec.contracts.ocr.VinRead;
import com.autochec.platform.kafka.PoisonRecordException;
import com.autochec.verification.check.CheckService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Records the OCR worker's readings of VIN photos; a check completes once its plate is known too. Redeliveries are
 * harmless (see CheckService); a reading without request id goes to the dead letters at once.
 */
@Component
class VinReadListener {

    private final CheckService checks;

    VinReadListener(CheckService checks) {
        this.checks = checks;
    }

    @KafkaListener(
            id = "vin-read",
            idIsGroup = false,
            topics = Topics.VIN_READ,
            properties = "spring.json.value.default.type=com.autochec.contracts.ocr.VinRead")
    void onVinRead(VinRead read) {
        if (read == null || read.requestId() == null) {
            throw new PoisonRecordException("VinRead without requestId");
        }
        checks.completeFromVinReading(read);
    }
}
