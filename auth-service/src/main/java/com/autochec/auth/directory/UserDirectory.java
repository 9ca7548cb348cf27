package com.autochec.auth.agent;

import java.util.Optional;

/**
 * Where agent accounts live: Keycloak in production ({@link KeycloakAgentDirectory}). Kept as an
 * interface so the web and business rules can be tested without Keycloak; the Keycloak side is
 * exercised end to end by the local stack.
 */
interface AgentDirectory {

    /** Creates an enabled user with realm role {@code agent}; returns its user id. */
    String create(NewAgent agent);

    /** Disables the agent with this username (and ends its sessions); empty if there is no such agent. */
    Optional<DirectoryAgent> disable(String username);

    /** What a new agent account is made of. {@code organisation} is the organisation's name. */
    record NewAgent(
            String username,
            String email,
            String firstName,
            String lastName,
            String organisation,
            String temporaryPassword) {}

    record DirectoryAgent(String id, String username, boolean enabled) {}

    /** The username (or e-mail) is already taken. */
    final class AlreadyExists extends RuntimeException {
        AlreadyExists(String message) {
            super(message);
        }
    }

    /** The directory refused the account as invalid (e.g. its password policy); message is for the caller. */
    final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message);
        }
    }

    /** The directory could not be reached or refused the service account. */
    final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
