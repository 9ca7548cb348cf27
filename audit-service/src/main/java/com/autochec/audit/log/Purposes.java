package com.autochec.audit.log;

import com.autochec.contracts.privacy.Purpose;
import com.autochec.platform.security.Caller;

/** How purposes and organisation kinds read on screens and exports. */
public final class Purposes {

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

    /** Whether lookups by this organisation kind fall under the Police-Justice directive (see {@link Caller}). */
    public static boolean lawEnforcement(String organisationKind) {
        return Caller.isLawEnforcementKind(organisationKind);
    }
}
