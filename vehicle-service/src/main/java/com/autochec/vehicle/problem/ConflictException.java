package com.autochec.vehicle.problem;

/** The request contradicts the current state (duplicate plate or VIN, concurrent change): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
