package com.autochec.ocr.vin;

import com.autochec.ocr.image.FailureReason;

/**
 * The outcome of reading one VIN photo: the VIN ({@code vin}, null when none was found), the reader's
 * confidence in [0,1], whether its check digit holds (null when it does not apply), the raw text read, or the
 * reason it failed.
 */
public record VinResult(
        boolean success,
        FailureReason failureReason,
        String detail,
        String vin,
        double confidence,
        Boolean checkDigitValid,
        String text,
        String engine,
        long durationMillis) {

    static VinResult failed(FailureReason reason, String detail, String text, String engine, long durationMillis) {
        return new VinResult(false, reason, detail, null, 0, null, text, engine, durationMillis);
    }
}
