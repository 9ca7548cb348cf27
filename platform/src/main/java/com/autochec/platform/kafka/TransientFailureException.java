package com.autochec.platform.kafka;

/** Thrown by a listener for a failure that a later retry can fix: retried with back-off, never dead-lettered. */
public class TransientFailureException extends RuntimeException {

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
