package com.autochec.report.webhook;

/** What an endpoint may subscribe to (stable API codes). */
public enum WebhookEventType {
    /** A check ended with the verdict FAIL. */
    CHECK_FAILED,
    /** A check raised at least one fraud signal (ReasonCodes.isFraudSignal) at WARNING or FAIL. */
    FRAUD_SIGNAL,
    /** A check found the vehicle reported stolen (REPORTED_STOLEN). */
    STOLEN_VEHICLE_CHECKED,
    /** document-service raised an expiry alert (ExpiryAlertRaised). */
    EXPIRY_ALERT
}
