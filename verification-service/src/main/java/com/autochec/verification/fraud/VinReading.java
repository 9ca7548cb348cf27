package com.autochec.verification.fraud;

/**
 * What the OCR worker read on a photo of the VIN plate or windscreen of a check: the VIN ({@code success}), the
 * reader's confidence in [0,1], whether its check digit holds (null when it does not apply), or why nothing was
 * read ({@code failure}: NO_VIN_FOUND, UNDECODABLE_IMAGE, TIMEOUT…).
 */
public record VinReading(boolean success, String vin, double confidence, Boolean checkDigitValid, String failure, String engine) {

    /** No reading arrived before the check's deadline. */
    public static VinReading timedOut() {
        return new VinReading(false, null, 0, null, "TIMEOUT", null);
    }
}
