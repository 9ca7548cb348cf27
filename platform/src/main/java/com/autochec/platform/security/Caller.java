package com.autochec.platform.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is asking, from the validated JWT: subject, preferred username, effective role, organisation
 * and the organisation's kind (e.g. {@code POLICE}). Anonymous callers have a null subject and the
 * public role. Controllers take it as a parameter; the platform resolves it.
 */
public record Caller(String subject, String username, Role role, String organisation, String organisationKind) {

    public static final String ORGANISATION_CLAIM = "organisation";
    public static final String ORGANISATION_KIND_CLAIM = "organisation_kind";
    public static final String USERNAME_CLAIM = "preferred_username";

    public static final Caller ANONYMOUS = new Caller(null, null, Role.PUBLIC, null, null);

    /** The caller of the current request (thread-bound security context). */
    public static Caller current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The caller behind an authentication; null or anonymous authentication gives {@link #ANONYMOUS}. */
    public static Caller from(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return ANONYMOUS;
        }
        Role role = highestRole(authentication.getAuthorities());
        if (authentication instanceof JwtAuthenticationToken token) {
            return fromJwt(token.getToken(), role);
        }
        if (authentication.getPrincipal() instanceof Jwt jwt) {
            return fromJwt(jwt, role);
        }
        if (role == Role.PUBLIC) {
            return ANONYMOUS; // e.g. Spring's AnonymousAuthenticationToken
        }
        return new Caller(authentication.getName(), authentication.getName(), role, null, null);
    }

    private static Caller fromJwt(Jwt jwt, Role role) {
        return new Caller(
                jwt.getSubject(),
                jwt.getClaimAsString(USERNAME_CLAIM),
                role,
                firstValue(jwt.getClaims().get(ORGANISATION_CLAIM)),
                firstValue(jwt.getClaims().get(ORGANISATION_KIND_CLAIM)));
    }

    /** The highest role among the authorities ({@code ROLE_admin} > {@code ROLE_agent} > {@code ROLE_owner}). */
    public static Role highestRole(Collection<? extends GrantedAuthority> authorities) {
        Role role = Role.PUBLIC;
        for (GrantedAuthority authority : authorities) {
            String name = String.valueOf(authority.getAuthority());
            if (name.startsWith("ROLE_")) {
                Role candidate = Role.fromClaim(name.substring("ROLE_".length()));
                if (candidate.compareTo(role) > 0) {
                    role = candidate;
                }
            }
        }
        return role;
    }

    private static String firstValue(Object claim) {
        if (claim instanceof String s) {
            return s.isBlank() ? null : s;
        }
        if (claim instanceof List<?> list && !list.isEmpty() && list.get(0) != null) {
            return String.valueOf(list.get(0));
        }
        return null;
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isAgent() {
        return role == Role.AGENT;
    }

    public boolean isOwner() {
        return role == Role.OWNER;
    }

    /** Agents and admins: the staff roles that may see person data for a stated purpose. */
    public boolean isStaff() {
        return role == Role.AGENT || role == Role.ADMIN;
    }

    /** Organisation kinds of law enforcement (Police-Justice directive): police, gendarmerie, customs. */
    public static final java.util.Set<String> LAW_ENFORCEMENT_KINDS = java.util.Set.of("POLICE", "GENDARMERIE", "CUSTOMS");

    /** An agent of a law-enforcement organisation (organisation kind POLICE, GENDARMERIE or CUSTOMS). */
    public boolean isLawEnforcement() {
        return role == Role.AGENT && isLawEnforcementKind(organisationKind);
    }

    /** Whether an organisation kind is one of {@link #LAW_ENFORCEMENT_KINDS} (case-insensitive; null: no). */
    public static boolean isLawEnforcementKind(String organisationKind) {
        return organisationKind != null
                && LAW_ENFORCEMENT_KINDS.contains(organisationKind.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
