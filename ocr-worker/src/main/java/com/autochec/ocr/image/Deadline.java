package com.autochec.ocr.image;

import java.time.Duration;

/**
 * The per-image time limit, checked between the stages of a reading (decode, detection, each
 * recognition batch). Exceeding it aborts the reading with {@link FailureReason#TIMEOUT}.
 */
public final class Deadline {

    private final long endNanos;
    private final Duration limit;

    private Deadline(long endNanos, Duration limit) {
        this.endNanos = endNanos;
        this.limit = limit;
    }

    public static Deadline after(Duration limit) {
        return new Deadline(System.nanoTime() + limit.toNanos(), limit);
    }

    public static Deadline none() {
        return new Deadline(Long.MAX_VALUE, Duration.ofNanos(Long.MAX_VALUE));
    }

    /** Throws {@link ImageRejectedException} with TIMEOUT once the limit has passed. */
    public void check(String stage) {
        if (endNanos != Long.MAX_VALUE && System.nanoTime() - endNanos > 0) {
            throw new ImageRejectedException(FailureReason.TIMEOUT, "time limit of " + limit.toMillis() + " ms passed during " + stage);
        }
    }
}
