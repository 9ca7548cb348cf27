package com.autochec.verification.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rule result: a stable code, its severity, the message in French (first: the people who act on
 * it read French) and in English, and its evidence — the facts it was decided from (dates, source,
 * the values compared), as ordered key/value strings.
 */
public record Reason(String code, Severity severity, String message, String messageFr, Map<String, String> evidence) {

    public Reason {
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** A result with its French and English messages and evidence given as alternating keys and values (nulls left out). */
    public static Reason of(String code, Severity severity, String fr, String en, Object... evidence) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < evidence.length; i += 2) {
            if (evidence[i + 1] != null) {
                facts.put(String.valueOf(evidence[i]), String.valueOf(evidence[i + 1]));
            }
        }
        return new Reason(code, severity, en, fr, facts);
    }
}
