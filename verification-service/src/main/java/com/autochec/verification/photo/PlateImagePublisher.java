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
 * Puts plate images on {@code Topics.PLATE_IMAGE} and VIN photos on {@code Topics.VIN_IMAGE} (key and request-id
 * header = check id, raw bytes, content-type header) with the platform's bytes template. The check records whether its image
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
        return send(Topics.PLATE_IMAGE, checkId, contentType, data, () -> checks.imagePublished(checkId));
    }

    /** The VIN photo of a check, on {@code Topics.VIN_IMAGE}, the same way. */
    CompletableFuture<?> publishVin(String checkId, String contentType, byte[] data) {
        return send(Topics.VIN_IMAGE, checkId, contentType, data, () -> checks.vinImagePublished(checkId));
    }

    private CompletableFuture<?> send(String topic, String checkId, String contentType, byte[] data, Runnable sent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, checkId, data);
        record.headers().add(Topics.HEADER_REQUEST_ID, checkId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.HEADER_CONTENT_TYPE, contentType.getBytes(StandardCharsets.UTF_8));
        try {
            return kafka.send(record).whenComplete((result, error) -> {
                if (error == null) {
                    sent.run();
                } else {
                    log.warn("Image of check {} not sent to {} yet: {}", checkId, topic, error.getMessage());
                }
            });
        } catch (RuntimeException e) {
            log.warn("Image of check {} not sent to {} yet: {}", checkId, topic, e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
    }

    @Scheduled(
            initialDelayString = "${autochec.platform.outbox.sweep-interval:5s}",
            fixedDelayString = "${autochec.platform.outbox.sweep-interval:5s}")
    void sweep() {
        if (resend(checks.checksAwaitingImage(clock.instant().minus(properties.imageGrace()), 50), "", this::publish)) {
            resend(checks.checksAwaitingVinImage(clock.instant().minus(properties.imageGrace()), 50),
                    PhotoEvidenceStore.VIN_SUFFIX, this::publishVin);
        }
    }

    private interface Sender {
        CompletableFuture<?> send(String checkId, String contentType, byte[] data);
    }

    /** Re-sends the stored images of these checks; false when the broker is still out of reach. */
    private boolean resend(List<String> waiting, String evidenceSuffix, Sender sender) {
        for (String checkId : waiting) {
            Optional<PhotoEvidence> photo = evidence.find(checkId + evidenceSuffix);
            Optional<byte[]> data = photo.flatMap(evidence::read);
            if (data.isEmpty()) {
                // the check completes at its reading deadline (READING_TIMEOUT)
                log.warn("Pending check {} has no readable stored photo", checkId);
                continue;
            }
            try {
                sender.send(checkId, photo.get().contentType(), data.get()).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Image sweep stopped: {}", e.getMessage());
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        }
        return true;
    }
}
