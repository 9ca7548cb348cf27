package com.autochec.vehicle.problem;

/** The resource does not exist or the caller may not know that it exists: 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
