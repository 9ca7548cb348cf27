package com.autochec.auth.agent;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real agent directory: Keycloak's admin API through {@code keycloak-admin-client}, as the
 * service account of the confidential client {@code autochec-admin} (realm-management roles
 * manage-users, view-users, query-users in the realm file). The only class that talks to Keycloak.
 */
class KeycloakAgentDirectory implements AgentDirectory {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAgentDirectory.class);

    private final Keycloak keycloak;
    private final String realm;

    KeycloakAgentDirectory(Keycloak keycloak, String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    @Override
    public String create(NewAgent agent) {
        UsersResource users = keycloak.realm(realm).users();
        String id;
        try (Response response = users.create(KeycloakUserMapping.toUser(agent))) {
            RuntimeException failure =
                    KeycloakUserMapping.createFailure(response.getStatus(), agent.username(), errorMessage(response));
            if (failure != null) {
                throw failure;
            }
            id = CreatedResponseUtil.getCreatedId(response);
        } catch (ProcessingException | WebApplicationException e) {
            throw unavailable(e);
        }
        try {
            UserResource user = users.get(id);
            // "available" roles need only user permissions, not view-realm.
            RoleRepresentation agentRole = user.roles().realmLevel().listAvailable().stream()
                    .filter(role -> KeycloakUserMapping.AGENT_ROLE.equals(role.getName()))
                    .findFirst()
                    .orElseThrow(() -> new Unavailable("The realm has no assignable role \"agent\".", null));
            user.roles().realmLevel().add(List.of(agentRole));
            return id;
        } catch (RuntimeException e) {
            deleteQuietly(users, id);
            throw e instanceof Unavailable u ? u : unavailable(e);
        }
    }

    @Override
    public Optional<DirectoryAgent> disable(String username) {
        try {
            UsersResource users = keycloak.realm(realm).users();
            Optional<UserRepresentation> found = users.searchByUsername(username, true).stream().findFirst();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            UserResource user = users.get(found.get().getId());
            boolean isAgent = user.roles().realmLevel().listEffective().stream()
                    .anyMatch(role -> KeycloakUserMapping.AGENT_ROLE.equals(role.getName()));
            if (!isAgent) {
                return Optional.empty();
            }
            UserRepresentation representation = user.toRepresentation();
            representation.setEnabled(false);
            user.update(representation);
            user.logout();
            return Optional.of(KeycloakUserMapping.toAgent(representation));
        } catch (ProcessingException | WebApplicationException e) {
            throw unavailable(e);
        }
    }

    private static String errorMessage(Response response) {
        try {
            if (response.hasEntity()) {
                Map<?, ?> body = response.readEntity(Map.class);
                Object message = body.get("errorMessage");
                return message == null ? null : message.toString();
            }
        } catch (RuntimeException e) {
            log.debug("Keycloak error body unreadable", e);
        }
        return null;
    }

    private static void deleteQuietly(UsersResource users, String id) {
        try (Response ignored = users.delete(id)) {
            log.warn("Removed half-created Keycloak user {} after a failed role mapping", id);
        } catch (RuntimeException e) {
            log.error("Could not remove half-created Keycloak user {}", id, e);
        }
    }

    private static Unavailable unavailable(Exception e) {
        log.warn("Keycloak admin call failed: {}", e.toString());
        return new Unavailable("Keycloak is not reachable or refused auth-service's client.", e);
    }
}
