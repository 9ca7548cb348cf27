package com.autochec.auth.directory;

import java.util.List;
import java.util.Optional;

/**
 * Where accounts live: Keycloak ({@link KeycloakDirectory}), reached through {@link ResilientDirectory}
 * (time-outs, retry of idempotent calls, circuit breaker). Kept as an interface so the web and business
 * rules are tested without Keycloak; the Keycloak side is tested against a stub speaking its HTTP API and
 * end to end by the local stack.
 */
public interface UserDirectory {

    /** Creates an enabled user with realm role {@code agent} only; returns its user id. */
    String createAgent(NewAgent agent);

    /**
     * One page of the accounts holding {@code role} ({@code admin}, {@code agent} or {@code owner}: owners are
     * the accounts with the realm's default roles, as self-registration gives them), {@code first} being the
     * offset; at most {@code max} entries.
     */
    List<DirectoryUser> listByRole(String role, int first, int max);

    /** The account with this username (exact), if any. */
    Optional<DirectoryUser> findByUsername(String username);

    /** Every agent account whose organisation attribute is {@code organisation} (enabled or not). */
    List<DirectoryUser> agentsOf(String organisation);

    /**
     * Enables or disables the account (idempotent); disabling also ends its sessions, so no refresh token of
     * it works any more. Returns the account as it now is.
     */
    DirectoryUser setEnabled(String userId, boolean enabled);

    /** Sets a temporary password (changed at the next log-in) and ends the account's sessions (idempotent). */
    void resetPassword(String userId, String temporaryPassword);

    /** What a new agent account is made of: {@code organisation} is the organisation's name, its kind e.g. POLICE. */
    record NewAgent(
            String username,
            String email,
            String firstName,
            String lastName,
            String organisation,
            String organisationKind,
            String temporaryPassword) {}

    /** An account as the directory knows it (never a credential). Roles: the Autochec realm roles it holds. */
    record DirectoryUser(
            String id,
            String username,
            String email,
            String firstName,
            String lastName,
            String organisation,
            boolean enabled) {}

    /** The username (or e-mail) is already taken. */
    final class AlreadyExists extends RuntimeException {
        public AlreadyExists(String message) {
            super(message);
        }
    }

    /** The directory refused the account as invalid (e.g. its password policy); message is for the caller. */
    final class Rejected extends RuntimeException {
        private final String field;

        public Rejected(String field, String message) {
            super(message);
            this.field = field;
        }

        /** The request field the refusal is about (e.g. {@code temporaryPassword}, {@code email}). */
        public String field() {
            return field;
        }
    }

    /** The directory could not be reached, timed out, refused auth-service's client, or its breaker is open. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
