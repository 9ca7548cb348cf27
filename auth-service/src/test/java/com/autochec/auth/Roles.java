package com.autochec.auth;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** JWTs as Keycloak issues them for the demo users, for MockMvc. */
public final class Roles {

    public static final String ADMIN_ID = "00000000-0000-4000-8000-000000000001";
    public static final String AGENT_ID = "00000000-0000-4000-8000-000000000002";
    public static final String OWNER_ID = "00000000-0000-4000-8000-000000000003";

    private Roles() {}

    public static JwtRequestPostProcessor admin() {
        return user(ADMIN_ID, "admin", null, "admin", "owner");
    }

    public static JwtRequestPostProcessor agent() {
        return user(AGENT_ID, "agent", "Police nationale (démo)", "agent", "owner");
    }

    public static JwtRequestPostProcessor owner() {
        return user(OWNER_ID, "owner", null, "owner");
    }

    public static JwtRequestPostProcessor user(String subject, String username, String organisation, String... roles) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(jwt -> {
                    jwt.subject(subject).claim("preferred_username", username).claim("roles", List.of(roles));
                    if (organisation != null) {
                        jwt.claim("organisation", organisation);
                    }
                })
                .authorities(java.util.Arrays.stream(roles)
                        .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r))
                        .toList());
    }
}
