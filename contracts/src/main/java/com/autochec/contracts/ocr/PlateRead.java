package com.autochec.contracts.ocr;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of reading one plate image (key: the request id, i.e. the check id). When
 * {@code success} is false, {@code failureReason} is a stable code (UNDECODABLE_IMAGE, IMAGE_TOO_LARGE,
 * NO_PLATE_FOUND, TIMEOUT…) and candidates is empty. Candidates are best first. {@code colour}: the vehicle's
 * colour estimated around the best candidate's plate, null when it could not be estimated (or older events).
 */
public record PlateRead(
        String eventId,
        Instant occurredAt,
        String requestId,
        boolean success,
        String failureReason,
        List<PlateCandidate> candidates,
        String engine,
        long durationMillis,
        ColourEstimate colour) {

    /** Without a colour estimate (events written before it was added; readers that estimate none). */
    public PlateRead(
            String eventId,
            Instant occurredAt,
            String requestId,
            boolean success,
            String failureReason,
            List<PlateCandidate> candidates,
            String engine,
            long durationMillis) {
        this(eventId, occurredAt, requestId, success, failureReason, candidates, engine, durationMillis, null);
    }

    /**
     * The vehicle body's dominant colour around the plate: a {@link com.autochec.contracts.vehicle.Colour} label
     * (Blanc, Gris, Rouge…) and the estimator's confidence in [0,1].
     */
    public record ColourEstimate(String colour, double confidence) {}

    /** One possible reading: normalised text, confidence in [0,1], and the plate's box in the image (may be null). */
    public record PlateCandidate(String text, double confidence, Box box) {}

    /** A rectangle in image pixels. */
    public record Box(int x, int y, int width, int height) {}
}
