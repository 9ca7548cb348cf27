package com.autochec.auth.agent;

import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Pure mapping between Autochec's agent and Keycloak's representations and answers (unit-tested). */
final class KeycloakUserMapping {

    static final String AGENT_ROLE = "agent";
    static final String ORGANISATION_ATTRIBUTE = "organisation";

    private KeycloakUserMapping() {}

    static UserRepresentation toUser(AgentDirectory.NewAgent agent) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(agent.username());
        user.setEmail(agent.email());
        user.setFirstName(agent.firstName());
        user.setLastName(agent.lastName());
        user.setEnabled(true);
        user.setEmailVerified(false);
        user.setAttributes(Map.of(ORGANISATION_ATTRIBUTE, List.of(agent.organisation())));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(agent.temporaryPassword());
        password.setTemporary(true); // Keycloak asks for a new password at first log-in
        user.setCredentials(List.of(password));
        return user;
    }

    /**
     * Turns the status of Keycloak's "create user" answer into an outcome: null when created,
     * otherwise the exception to throw. {@code errorMessage} is Keycloak's {@code errorMessage}, if any.
     */
    static RuntimeException createFailure(int status, String username, String errorMessage) {
        return switch (status) {
            case 201 -> null;
            case 409 -> new AgentDirectory.AlreadyExists(
                    "A user named \"" + username + "\" or with this e-mail already exists.");
            case 400 -> new AgentDirectory.Rejected(
                    errorMessage == null || errorMessage.isBlank() ? "Keycloak refused the account." : errorMessage);
            case 401, 403 -> new AgentDirectory.Unavailable(
                    "auth-service's Keycloak client is not allowed to manage users (HTTP " + status + ").", null);
            default -> new AgentDirectory.Unavailable("Keycloak answered HTTP " + status + ".", null);
        };
    }

    static AgentDirectory.DirectoryAgent toAgent(UserRepresentation user) {
        return new AgentDirectory.DirectoryAgent(user.getId(), user.getUsername(), Boolean.TRUE.equals(user.isEnabled()));
    }
}
