package com.autochec.ocr.worker;

import com.autochec.contracts.Topics;
import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.ocr.DocumentRead;
import com.autochec.ocr.document.DocumentReader;
import com.autochec.ocr.document.DocumentResult;
import com.autochec.ocr.image.FailureReason;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads each document image of the type named in its {@link Topics#HEADER_DOCUMENT_TYPE} header and
 * publishes a {@link DocumentRead} keyed by the request id (the document id); bad input gives a
 * failed reading with a reason and the raw record on {@code autochec.document.image.dlt}.
 */
@Component
class DocumentImageListener {

    /** Poison for images, and a document type the worker does not read. */
    private static final Set<FailureReason> POISON = poison();

    private final DocumentReader reader;
    private final ImageReadings readings;

    DocumentImageListener(DocumentReader reader, ImageReadings readings) {
        this.reader = reader;
        this.readings = readings;
    }

    @KafkaListener(id = "document-image", idIsGroup = false, topics = Topics.DOCUMENT_IMAGE)
    void onDocumentImage(ConsumerRecord<String, byte[]> record) throws Exception {
        String requestId = readings.requestId(record, "document");
        if (requestId == null) {
            return;
        }
        String typeHeader = ImageRecords.header(record, Topics.HEADER_DOCUMENT_TYPE);
        Optional<DocumentType> type = DocumentReader.supportedType(typeHeader);
        DocumentResult result = type.map(t -> readings.read("document", deadline -> reader.read(record.value(), t, deadline),
                        (detail, millis) -> new DocumentResult(false, FailureReason.ENGINE_ERROR, detail, List.of(),
                                DocumentReader.ENGINE, millis)))
                .orElseGet(() -> new DocumentResult(false, FailureReason.UNSUPPORTED_DOCUMENT_TYPE,
                        "document type " + typeHeader + " is not read", List.of(), DocumentReader.ENGINE, 0));
        DocumentRead event = new DocumentRead(ImageRecords.eventId("DocumentRead", requestId, record.value()),
                readings.now(), requestId, type.map(Enum::name).orElse(typeHeader), result.success(),
                result.success() ? null : result.failureReason().name(), result.fields(), result.engine(),
                result.durationMillis());
        readings.publish(record, requestId, Topics.DOCUMENT_READ, event,
                new ImageReadings.Outcome("document", result.engine(), result.success(), result.failureReason(),
                        result.detail(), result.durationMillis(),
                        result.fields().stream().map(DocumentRead.Field::confidence).toList()),
                POISON);
    }

    private static Set<FailureReason> poison() {
        Set<FailureReason> poison = EnumSet.copyOf(ImageReadings.POISON);
        poison.add(FailureReason.UNSUPPORTED_DOCUMENT_TYPE);
        return poison;
    }
}
