package com.autochec.platform.security;

import java.util.Locale;

/** A caller's effective role: the highest of admin > agent > owner; no (valid) token = public. */
public enum Role {
    PUBLIC,
    OWNER,
    AGENT,
    ADMIN;

    /** The lower-case name used in tokens and events (public, owner, agent, admin). */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named by a claim value; unknown or missing values are {@link #PUBLIC}. */
    public static Role fromClaim(String claim) {
        if (claim == null) {
            return PUBLIC;
        }
        try {
            return valueOf(claim.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return PUBLIC;
        }
    }

    /** The authority Spring Security grants for this role ({@code ROLE_agent}). */
    public String authority() {
        return "ROLE_" + claim();
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
