package com.autochec.audit.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is calling, from the JWT: subject, username, effective role (admin > agent > owner) and organisation. */
public record Caller(String subject, String username, Role role, String organisation) {

    public enum Role {
        PUBLIC,
        OWNER,
        AGENT,
        ADMIN
    }

    public static Caller from(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return new Caller(null, null, Role.PUBLIC, null);
        }
        Set<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        Role role = authorities.contains("ROLE_admin")
                ? Role.ADMIN
                : authorities.contains("ROLE_agent")
                        ? Role.AGENT
                        : authorities.contains("ROLE_owner") ? Role.OWNER : Role.PUBLIC;
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String username = jwt.getClaimAsString("preferred_username");
            return new Caller(jwt.getSubject(), username, role, jwt.getClaimAsString("organisation"));
        }
        return new Caller(authentication.getName(), authentication.getName(), role, null);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isAgentOrAdmin() {
        return role == Role.AGENT || role == Role.ADMIN;
    }
}
