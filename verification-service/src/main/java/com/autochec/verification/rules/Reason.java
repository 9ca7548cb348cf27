package com.autochec.verification.rules;

/** One rule outcome: a stable code, its severity (WARNING or FAIL) and a human message in English. */
public record Reason(String code, Severity severity, String message) {}
