package com.autochec.contracts.ocr;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of reading one document image (key: documentId). Field names are stable codes (VIN,
 * PLATE, HOLDER_NAME, FIRST_REGISTRATION, VALID_FROM, VALID_UNTIL, POLICY_NUMBER, INSURER, RESULT,
 * NEXT_DUE, MILEAGE, MAKE, MODEL…).
 */
public record DocumentRead(
        String eventId,
        Instant occurredAt,
        String requestId,
        String documentType,
        boolean success,
        String failureReason,
        List<Field> fields,
        String engine,
        long durationMillis) {

    /** One extracted field: its code, the value as read and normalised, confidence in [0,1], and whether it passed validation. */
    public record Field(String name, String value, double confidence, boolean valid) {}
}
