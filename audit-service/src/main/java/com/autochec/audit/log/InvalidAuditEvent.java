package com.autochec.audit.log;

/** An event that can never be audited as it is (goes to the dead-letter topic without retries). */
public class InvalidAuditEvent extends IllegalArgumentException {

    public InvalidAuditEvent(String message) {
        super(message);
    }
}
