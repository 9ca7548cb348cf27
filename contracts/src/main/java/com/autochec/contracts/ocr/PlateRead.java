package com.autochec.contracts.ocr;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of reading one plate image (key: the request id, i.e. the check id). When
 * {@code success} is false, {@code failureReason} is a stable code (UNDECODABLE_IMAGE, IMAGE_TOO_LARGE,
 * NO_PLATE_FOUND, TIMEOUT…) and candidates is empty. Candidates are best first.
 */
public record PlateRead(
        String eventId,
        Instant occurredAt,
        String requestId,
        boolean success,
        String failureReason,
        List<PlateCandidate> candidates,
        String engine,
        long durationMillis) {

    /** One possible reading: normalised text, confidence in [0,1], and the plate's box in the image (may be null). */
    public record PlateCandidate(String text, double confidence, Box box) {}

    /** A rectangle in image pixels. */
    public record Box(int x, int y, int width, int height) {}
}
