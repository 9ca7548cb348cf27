package com.autochec.verification.check;

import java.util.Locale;

/** A caller's effective role: the highest of admin > agent > owner; no token = public. */
public enum Role {
    PUBLIC,
    OWNER,
    AGENT,
    ADMIN;

    /** The lower-case name used in tokens and events (public, owner, agent, admin). */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role fromClaim(String claim) {
        if (claim == null) {
            return PUBLIC;
        }
        try {
            return valueOf(claim.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return PUBLIC;
        }
    }
}
