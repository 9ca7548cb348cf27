package com.autochec.vehicle.config;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** JWTs as Keycloak issues them (flat {@code roles} claim) for each role, for MockMvc tests. */
public final class Jwts {

    public static final String ADMIN_ID = "00000000-0000-4000-8000-000000000001";
    public static final String AGENT_ID = "00000000-0000-4000-8000-000000000002";
    public static final String OWNER_ID = "00000000-0000-4000-8000-000000000003";
    public static final String GARAGE_ID = "00000000-0000-4000-8000-000000000004";

    private Jwts() {}

    public static RequestPostProcessor admin() {
        return as(ADMIN_ID, "admin");
    }

    public static RequestPostProcessor agent() {
        return as(AGENT_ID, "agent");
    }

    /** An agent of a law-enforcement organisation (kind POLICE). */
    public static RequestPostProcessor police() {
        return agentOf(AGENT_ID, "Police nationale (démo)", "POLICE");
    }

    /** An agent of a garage (not law enforcement). */
    public static RequestPostProcessor garage() {
        return agentOf(GARAGE_ID, "Garage du Centre (démo)", "GARAGE");
    }

    public static RequestPostProcessor agentOf(String subject, String organisation, String kind) {
        return jwt().jwt(j -> j.subject(subject)
                        .claim("preferred_username", "agent-" + kind.toLowerCase(java.util.Locale.ROOT))
                        .claim("roles", List.of("agent"))
                        .claim("organisation", organisation)
                        .claim("organisation_kind", kind))
                .authorities(new SimpleGrantedAuthority("ROLE_agent"));
    }

    public static RequestPostProcessor owner() {
        return as(OWNER_ID, "owner");
    }

    public static RequestPostProcessor owner(String subject) {
        return as(subject, "owner");
    }

    /** Authenticated, but with none of the Autochec roles. */
    public static RequestPostProcessor noRole() {
        return jwt().jwt(j -> j.subject("someone").claim("roles", List.of())).authorities(List.of());
    }

    private static RequestPostProcessor as(String subject, String role) {
        return jwt().jwt(j -> j.subject(subject).claim("preferred_username", role).claim("roles", List.of(role)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }
}
