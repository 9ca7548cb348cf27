package com.autochec.verification.rules;

/**
 * One rule outcome: a stable code, its severity (WARNING or FAIL), a human message in English and,
 * when the message is meant for the person checking (what to do next), its French version.
 */
public record Reason(String code, Severity severity, String message, String messageFr) {

    public Reason(String code, Severity severity, String message) {
        this(code, severity, message, null);
    }
}
