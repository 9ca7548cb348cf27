package com.autochec.verification.check;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is asking, from the JWT: subject, preferred username, effective role and organisation claim.
 * Anonymous callers have a null subject and the public role.
 */
public record Caller(String subject, String username, Role role, String organisation) {

    public static final Caller ANONYMOUS = new Caller(null, null, Role.PUBLIC, null);

    /** The caller behind an authentication; null or anonymous authentication gives {@link #ANONYMOUS}. */
    public static Caller from(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return ANONYMOUS;
        }
        return new Caller(
                jwt.getSubject(),
                jwt.getClaimAsString("preferred_username"),
                highestRole(authentication.getAuthorities()),
                organisation(jwt.getClaims().get("organisation")));
    }

    static Role highestRole(Collection<? extends GrantedAuthority> authorities) {
        Role role = Role.PUBLIC;
        for (GrantedAuthority authority : authorities) {
            Role candidate = switch (String.valueOf(authority.getAuthority())) {
                case "ROLE_admin" -> Role.ADMIN;
                case "ROLE_agent" -> Role.AGENT;
                case "ROLE_owner" -> Role.OWNER;
                default -> Role.PUBLIC;
            };
            if (candidate.compareTo(role) > 0) {
                role = candidate;
            }
        }
        return role;
    }

    private static String organisation(Object claim) {
        if (claim instanceof String s) {
            return s;
        }
        if (claim instanceof List<?> list && !list.isEmpty()) {
            return String.valueOf(list.get(0));
        }
        return null;
    }

    boolean isAnonymous() {
        return subject == null;
    }
}
