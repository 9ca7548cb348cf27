package com.autochec.vehicle.registry;

/** The input is not a valid VIN; the message says why. */
public class InvalidVinException extends IllegalArgumentException {

    public InvalidVinException(String message) {
        super(message);
    }
}
