package com.autochec.platform.kafka;

/**
 * Thrown by a listener for a record that can never be processed (invalid content, unknown version):
 * it goes straight to {@code <topic>.dlt} without retries, and the consumer moves on.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
