package com.autochec.contracts.check;

import java.util.Set;

/**
 * What the consumers of {@link CheckCompleted} must agree on about its reason codes (the codes themselves are
 * verification-service's, listed in docs/rules.md): which code says the vehicle is reported stolen, and which codes
 * are fraud signals (audit statistics, webhooks).
 */
public final class ReasonCodes {

    /** The registry reports the vehicle stolen. */
    public static final String REPORTED_STOLEN = "REPORTED_STOLEN";

    /** Fraud signals whose code does not say so by itself (the "fraud signals" family of docs/rules.md). */
    private static final Set<String> SIGHTING_SIGNALS = Set.of("PLATE_SEEN_ON_OTHER_VEHICLE", "IMPOSSIBLE_TRAVEL");

    private ReasonCodes() {}

    /**
     * Whether a rule code signals fraud: a stolen vehicle or certificate, a cloned plate, a VIN, attribute,
     * registration or document mismatch, a plate seen on another vehicle, impossible travel.
     */
    public static boolean isFraudSignal(String code) {
        return code != null
                && (code.contains("STOLEN") || code.contains("CLONE") || code.contains("MISMATCH") || code.contains("FRAUD")
                        || SIGHTING_SIGNALS.contains(code));
    }
}
