package com.autochec.verification.check;

/**
 * A photo check moved on (published in this instance as a Spring event; the SSE streams of other instances
 * notice it by reading the check). {@code stage}: RECEIVED, READING, VERIFYING, COMPLETED,
 * NEEDS_CONFIRMATION or FAILED.
 */
public record CheckProgress(String checkId, String stage) {

    public static final String RECEIVED = "RECEIVED";
    public static final String READING = "READING";
    public static final String VERIFYING = "VERIFYING";
    public static final String COMPLETED = "COMPLETED";
    public static final String NEEDS_CONFIRMATION = "NEEDS_CONFIRMATION";
    public static final String FAILED = "FAILED";
}
