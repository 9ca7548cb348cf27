package com.autochec.contracts.privacy;

import java.util.Locale;

/**
 * Why an agent (or admin) looks at a vehicle or its holder. Stated for every check and every read of person
 * data, recorded in the audit trail and shown to the owner ("qui a consulté mon véhicule"). {@link #OTHER}
 * requires a free text. The codes are stable in the API; screens translate them.
 */
public enum Purpose {
    ROADSIDE_CONTROL("Contrôle routier", "Roadside control"),
    PRE_PURCHASE("Avant achat", "Pre-purchase"),
    INSURANCE_CLAIM("Sinistre d'assurance", "Insurance claim"),
    FLEET_MANAGEMENT("Gestion de flotte", "Fleet management"),
    OTHER("Autre", "Other");

    /** Longest free text accepted with {@link #OTHER}. */
    public static final int MAX_TEXT = 200;

    private final String labelFr;
    private final String labelEn;

    Purpose(String labelFr, String labelEn) {
        this.labelFr = labelFr;
        this.labelEn = labelEn;
    }

    public String labelFr() {
        return labelFr;
    }

    public String labelEn() {
        return labelEn;
    }

    /**
     * The purpose named by {@code code} (case-insensitive, surrounding blanks ignored).
     *
     * @throws IllegalArgumentException when the code is not one of the values (message lists them)
     */
    public static Purpose parse(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("purpose is required: one of " + codes());
        }
        try {
            return valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown purpose '" + code.strip() + "': one of " + codes());
        }
    }

    /** The accepted codes, comma-separated (for error messages). */
    public static String codes() {
        StringBuilder out = new StringBuilder();
        for (Purpose p : values()) {
            out.append(out.isEmpty() ? "" : ", ").append(p.name());
        }
        return out.toString();
    }
}
