package com.autochec.ocr.worker;

import com.autochec.contracts.Topics;
import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.ocr.DocumentRead;
import com.autochec.ocr.config.OcrProperties;
import com.autochec.ocr.document.DocumentReader;
import com.autochec.ocr.document.DocumentResult;
import com.autochec.ocr.image.Deadline;
import com.autochec.ocr.image.FailureReason;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads each document image of the type named in its {@link Topics#HEADER_DOCUMENT_TYPE} header and
 * publishes a {@link DocumentRead} keyed by the request id (the document id); bad input gives a
 * failed reading with a reason and the raw record on {@code autochec.document.image.dlt}.
 */
@Component
class DocumentImageListener {

    private static final Logger log = LoggerFactory.getLogger(DocumentImageListener.class);

    private final DocumentReader reader;
    private final KafkaTemplate<String, Object> readings;
    private final ImageDeadLetters deadLetters;
    private final ReadingMetrics metrics;
    private final OcrProperties properties;
    private final Clock clock;

    DocumentImageListener(DocumentReader reader, @Qualifier("kafkaTemplate") KafkaTemplate<String, Object> kafkaTemplate,
            ImageDeadLetters deadLetters, ReadingMetrics metrics, OcrProperties properties, Clock clock) {
        this.reader = reader;
        this.readings = kafkaTemplate;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    @KafkaListener(id = "document-image", idIsGroup = false, topics = Topics.DOCUMENT_IMAGE)
    void onDocumentImage(ConsumerRecord<String, byte[]> record) throws Exception {
        String requestId = ImageRecords.requestId(record);
        if (requestId == null) {
            log.warn("document image at {}-{}@{} has no request id: dead-lettered", record.topic(), record.partition(), record.offset());
            deadLetters.send(record, "MISSING_REQUEST_ID", "no request id");
            return;
        }
        String typeHeader = ImageRecords.header(record, Topics.HEADER_DOCUMENT_TYPE);
        Optional<DocumentType> type = DocumentReader.supportedType(typeHeader);
        DocumentResult result = type.map(t -> read(record.value(), t))
                .orElseGet(() -> new DocumentResult(false, FailureReason.UNSUPPORTED_DOCUMENT_TYPE,
                        "document type " + typeHeader + " is not read", List.of(), DocumentReader.ENGINE, 0));
        DocumentRead event = new DocumentRead(ImageRecords.eventId("DocumentRead", requestId, record.value()), clock.instant(),
                requestId, type.map(Enum::name).orElse(typeHeader), result.success(),
                result.success() ? null : result.failureReason().name(), result.fields(), result.engine(), result.durationMillis());
        metrics.reading("document", result.engine(), result.success(), result.durationMillis());
        if (result.success()) {
            result.fields().forEach(f -> metrics.confidence("document", result.engine(), f.confidence()));
        } else {
            metrics.failure("document", result.engine(), result.failureReason().name());
        }
        readings.send(Topics.DOCUMENT_READ, requestId, event).get(30, TimeUnit.SECONDS);
        if (!result.success() && (PlateImageListener.POISON.contains(result.failureReason())
                || result.failureReason() == FailureReason.UNSUPPORTED_DOCUMENT_TYPE)) {
            log.info("document image {} failed: {} ({})", requestId, result.failureReason(), result.detail());
            deadLetters.send(record, result.failureReason().name(), result.failureReason() + ": " + result.detail());
        }
    }

    private DocumentResult read(byte[] bytes, DocumentType type) {
        long start = System.nanoTime();
        try {
            return reader.read(bytes, type, Deadline.after(properties.timeLimit()));
        } catch (RuntimeException e) {
            log.error("document engine failed", e);
            return new DocumentResult(false, FailureReason.ENGINE_ERROR, e.toString(), List.of(), DocumentReader.ENGINE,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
