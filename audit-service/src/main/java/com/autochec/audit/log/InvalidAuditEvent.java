package com.autochec.audit.log;

import com.autochec.platform.kafka.PoisonRecordException;

/** An event that can never be audited as it is (goes to the dead-letter topic without retries). */
public class InvalidAuditEvent extends PoisonRecordException {

    public InvalidAuditEvent(String message) {
        super(message);
    }
}
