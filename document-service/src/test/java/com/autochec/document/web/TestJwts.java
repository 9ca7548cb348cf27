package com.autochec.document.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** JWTs for each role, shaped like the realm's tokens. */
public final class TestJwts {

    public static final String ADMIN_ID = "00000000-0000-4000-8000-000000000001";
    public static final String AGENT_ID = "00000000-0000-4000-8000-000000000002";
    public static final String OWNER_ID = "00000000-0000-4000-8000-000000000003";

    private TestJwts() {}

    public static JwtRequestPostProcessor admin() {
        return as(ADMIN_ID, "admin", "admin", null);
    }

    public static JwtRequestPostProcessor agent() {
        return as(AGENT_ID, "agent", "agent", "Police nationale (démo)");
    }

    public static JwtRequestPostProcessor owner() {
        return as(OWNER_ID, "owner", "owner", null);
    }

    private static JwtRequestPostProcessor as(String sub, String username, String role, String organisation) {
        return jwt().jwt(j -> {
                    j.subject(sub).claim("preferred_username", username).claim("roles", List.of(role));
                    if (organisation != null) j.claim("organisation", organisation);
                })
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
