package com.autochec.report.report;

import com.autochec.contracts.check.CheckCompleted;
import com.autochec.platform.kafka.FailureClassifier;
import com.autochec.platform.objectstore.ObjectStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The evidence photo of a photo check, for its report. verification-service keeps it in its own object store (its
 * folder in the local stack, its bucket elsewhere: {@link ObjectStore#ofService}) under
 * {@code plate-photos/<UTC day of the upload>/<check id>} and deletes it after its retention (31 days); a report is
 * issued within seconds, so the photo is there. report-service only reads it. The key is derived here from the
 * check's id and request time (the upload): the simplest sound design that needs no call to verification-service
 * and no image in the event; when CheckCompleted carries the key explicitly, use it instead of this convention. No
 * photo (typed check, photo already deleted, unreadable image) prints the report without it; a store that cannot be
 * reached for now (a transient failure) delays the report instead, so the photo is not left out for good.
 */
@Component
class EvidencePhotos {

    static final String PREFIX = "plate-photos/";
    static final int MAX_PIXELS = 40_000_000;
    /**
     * The photo is printed about 6 cm wide: decoded with every n-th pixel so its long side is at most this (a
     * 12-megapixel phone photo is read at a quarter of its pixels or less), which keeps the report small and its
     * rendering cheap.
     */
    static final int MAX_SIDE = 1200;
    static final String OWNER = "verification-service";
    private static final Logger log = LoggerFactory.getLogger(EvidencePhotos.class);

    private final ObjectStore objects;

    EvidencePhotos(ObjectStore own) {
        this.objects = own.ofService(OWNER);
    }

    static String key(LocalDate day, String checkId) {
        return PREFIX + day + "/" + checkId;
    }

    Optional<BufferedImage> photo(CheckCompleted check) {
        if (check == null || check.checkId() == null || !"PHOTO".equalsIgnoreCase(String.valueOf(check.source()))) {
            return Optional.empty();
        }
        Instant at = check.requestedAt() != null ? check.requestedAt() : check.occurredAt();
        if (at == null) return Optional.empty();
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        // the upload may have been stored just after midnight UTC
        for (LocalDate candidate : new LocalDate[] {day, day.plusDays(1)}) {
            Optional<byte[]> bytes;
            try {
                bytes = objects.get(key(candidate, check.checkId())).map(object -> {
                    try (object) {
                        return object.readAllBytes();
                    }
                });
            } catch (RuntimeException e) {
                if (FailureClassifier.isTransient(e)) {
                    throw e; // the store is unreachable for now: the report waits for it (the consumer retries)
                }
                log.warn("Cannot read the evidence photo of check {}: {}", check.checkId(), e.toString());
                return Optional.empty();
            }
            if (bytes.isPresent()) return decode(bytes.get(), check.checkId());
        }
        return Optional.empty();
    }

    private static Optional<BufferedImage> decode(byte[] bytes, String checkId) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) return Optional.empty();
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) return Optional.empty();
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (Math.max(width, height) + MAX_SIDE - 1) / MAX_SIDE;
                if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
                return Optional.ofNullable(reader.read(0, param));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("The evidence photo of check {} cannot be decoded: {}", checkId, e.toString());
            return Optional.empty();
        }
    }
}
