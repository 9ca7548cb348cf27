package com.autochec.contracts.ocr;

import java.time.Instant;

/**
 * The outcome of reading one photo of a VIN plate or windscreen (key: the request id, i.e. the check id). When
 * {@code success} is true, {@code vin} is a 17-character VIN accepted by
 * {@link com.autochec.contracts.vin.Vin#findInText(String)} (forced I/O/Q corrections only) and {@code confidence}
 * in [0,1] says how much the reader trusts it; {@code checkDigitValid} is null when the check digit does not apply
 * (non-North-American VINs). When false, {@code failureReason} is a stable code (UNDECODABLE_IMAGE,
 * IMAGE_TOO_LARGE, NO_VIN_FOUND, TIMEOUT…), {@code vin} is null and {@code text} holds what was read, if anything.
 */
public record VinRead(
        String eventId,
        Instant occurredAt,
        String requestId,
        boolean success,
        String failureReason,
        String vin,
        double confidence,
        Boolean checkDigitValid,
        String text,
        String engine,
        long durationMillis) {}
