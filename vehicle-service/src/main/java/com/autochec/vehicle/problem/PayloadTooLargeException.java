package com.autochec.vehicle.problem;

/** The request body is larger than this endpoint accepts: 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
