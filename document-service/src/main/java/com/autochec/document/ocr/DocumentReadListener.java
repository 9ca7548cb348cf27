package com.autochec.document.ocr;

import com.autochec.contracts.Topics;
import com.autochec.contracts.ocr.DocumentRead;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/** Consumes OCR readings of document images. */
@Component
class DocumentReadListener {

    private final ExtractionRecorder recorder;

    DocumentReadListener(ExtractionRecorder recorder) {
        this.recorder = recorder;
    }

    @KafkaListener(
            topics = Topics.DOCUMENT_READ,
            properties = {
                "spring.json.value.default.type=com.autochec.contracts.ocr.DocumentRead",
                "spring.json.use.type.headers=false"
            })
    void on(@Payload DocumentRead read, @Header(name = KafkaHeaders.RECEIVED_KEY, required = false) String key) {
        recorder.record(key, read);
    }
}
