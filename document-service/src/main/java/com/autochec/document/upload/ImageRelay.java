package com.autochec.document.upload;

import com.autochec.contracts.Topics;
import com.autochec.document.document.DocumentStore;
import com.autochec.document.document.VehicleDocument;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts uploaded images on {@link Topics#DOCUMENT_IMAGE} (key documentId, raw bytes, metadata in
 * headers) and marks them sent once acknowledged; a sweep resends images left unsent by a crash or an
 * unreachable broker, reading their bytes back from the object store.
 */
@Component
class ImageRelay {

    private static final Logger log = LoggerFactory.getLogger(ImageRelay.class);
    private static final Duration GRACE = Duration.ofMinutes(1);

    private final KafkaTemplate<String, byte[]> images;
    private final DocumentStore store;
    private final DocumentFiles files;
    private final Clock clock;

    ImageRelay(
            @Qualifier("bytesKafkaTemplate") KafkaTemplate<String, byte[]> bytesKafkaTemplate,
            DocumentStore store,
            DocumentFiles files,
            Clock clock) {
        this.images = bytesKafkaTemplate;
        this.store = store;
        this.files = files;
        this.clock = clock;
    }

    CompletableFuture<?> send(VehicleDocument document, byte[] bytes, String contentType) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.DOCUMENT_IMAGE, document.id(), bytes);
        record.headers().add(Topics.HEADER_REQUEST_ID, document.id().getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.HEADER_CONTENT_TYPE, contentType.getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.HEADER_DOCUMENT_TYPE, document.type().name().getBytes(StandardCharsets.UTF_8));
        return images.send(record).whenComplete((result, error) -> {
            if (error == null) store.markImageSent(document.id());
            else log.warn("Image of document {} not sent yet: {}", document.id(), error.toString());
        });
    }

    @Scheduled(fixedDelayString = "${autochec.platform.outbox.sweep-interval:PT5S}", initialDelayString = "PT2S")
    void resendUnsent() {
        try {
            var cutoff = clock.instant().minus(GRACE);
            for (VehicleDocument doc : store.pendingImages(cutoff, 100)) {
                var object = files.openForOcr(doc);
                if (object.isEmpty()) {
                    log.warn("Document {} has no stored file; not sending it to OCR", doc.id());
                    store.markImageSent(doc.id());
                    continue;
                }
                try (var file = object.get()) {
                    boolean pdf = "application/pdf".equals(doc.image().contentType());
                    send(doc, file.readAllBytes(), pdf ? "image/png" : doc.image().contentType());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Image resend sweep failed: {}", e.toString());
        }
    }
}
