package com.autochec.vehicle.registry;

/** The input is not a French licence plate; the message says why, in words a user understands. */
public class InvalidPlateException extends IllegalArgumentException {

    public InvalidPlateException(String message) {
        super(message);
    }
}
