package com.autochec.verification.photo;

import com.autochec.contracts.Topics;
import com.autochec.verification.check.CheckService;
import com.autochec.verification.config.VerificationProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts plate images on {@code Topics.PLATE_IMAGE} (key and request-id header = check id, raw bytes,
 * content-type header) with the platform's bytes template. The check records whether its image
 * reached the broker; the sweep (at the platform's outbox sweep interval) re-sends images of pending
 * checks that did not (broker down, crash before the send), reading the bytes back from the object
 * store. The first send, right after the upload, uses the bytes the request already holds. Not a platform {@code OutboxSource}: those
 * publish JSON events, without headers.
 */
@Component
class PlateImagePublisher {

    private static final Logger log = LoggerFactory.getLogger(PlateImagePublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final CheckService checks;
    private final PhotoEvidenceStore evidence;
    private final Clock clock;
    private final VerificationProperties properties;

    PlateImagePublisher(
            KafkaTemplate<String, byte[]> bytesKafkaTemplate,
            CheckService checks,
            PhotoEvidenceStore evidence,
            Clock clock,
            VerificationProperties properties) {
        this.kafka = bytesKafkaTemplate;
        this.checks = checks;
        this.evidence = evidence;
        this.clock = clock;
        this.properties = properties;
    }

    CompletableFuture<?> publish(String checkId, String contentType, byte[] data) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PLATE_IMAGE, checkId, data);
        record.headers().add(Topics.HEADER_REQUEST_ID, checkId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.HEADER_CONTENT_TYPE, contentType.getBytes(StandardCharsets.UTF_8));
        try {
            return kafka.send(record).whenComplete((result, error) -> {
                if (error == null) {
                    checks.imagePublished(checkId);
                } else {
                    log.warn("Plate image of check {} not sent yet: {}", checkId, error.getMessage());
                }
            });
        } catch (RuntimeException e) {
            log.warn("Plate image of check {} not sent yet: {}", checkId, e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
    }

    @Scheduled(
            initialDelayString = "${autochec.platform.outbox.sweep-interval:5s}",
            fixedDelayString = "${autochec.platform.outbox.sweep-interval:5s}")
    void sweep() {
        List<String> waiting = checks.checksAwaitingImage(clock.instant().minus(properties.imageGrace()), 50);
        for (String checkId : waiting) {
            Optional<PhotoEvidence> photo = evidence.find(checkId);
            Optional<byte[]> data = photo.flatMap(evidence::read);
            if (data.isEmpty()) {
                // the check completes at its reading deadline (READING_TIMEOUT)
                log.warn("Pending check {} has no readable stored photo", checkId);
                continue;
            }
            try {
                publish(checkId, photo.get().contentType(), data.get()).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Plate image sweep stopped: {}", e.getMessage());
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
        }
    }
}
