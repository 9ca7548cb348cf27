package com.autochec.vehicle.registry;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is calling, from the JWT: the subject and the effective role (admin > agent > owner; an
 * authenticated caller with none of them is {@link Role#NONE}).
 */
record Caller(String subject, Role role) {

    enum Role {
        ADMIN,
        AGENT,
        OWNER,
        NONE
    }

    static Caller of(Authentication authentication) {
        boolean admin = false;
        boolean agent = false;
        boolean owner = false;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            switch (String.valueOf(authority.getAuthority())) {
                case "ROLE_admin" -> admin = true;
                case "ROLE_agent" -> agent = true;
                case "ROLE_owner" -> owner = true;
                default -> {
                    // other authorities (scopes) do not change the role
                }
            }
        }
        Role role = admin ? Role.ADMIN : agent ? Role.AGENT : owner ? Role.OWNER : Role.NONE;
        return new Caller(authentication.getName(), role);
    }
}
