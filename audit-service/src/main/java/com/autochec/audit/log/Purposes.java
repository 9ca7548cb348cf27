package com.autochec.audit.log;

import com.autochec.contracts.privacy.Purpose;
import java.util.Locale;
import java.util.Set;

/** How purposes and organisation kinds read on screens and exports. */
public final class Purposes {

    /** Organisation kinds whose lookups fall under the Police-Justice directive. */
    public static final Set<String> LAW_ENFORCEMENT = Set.of("POLICE", "GENDARMERIE", "CUSTOMS", "DOUANE");

    private Purposes() {}

    /** The French label of a {@link Purpose} code; null for free text (older checks) or no purpose. */
    public static String label(String code) {
        if (code == null || code.isBlank()) return null;
        try {
            return Purpose.parse(code).labelFr();
        } catch (IllegalArgumentException notACode) {
            return null;
        }
    }

    public static boolean lawEnforcement(String organisationKind) {
        return organisationKind != null && LAW_ENFORCEMENT.contains(organisationKind.strip().toUpperCase(Locale.ROOT));
    }
}
