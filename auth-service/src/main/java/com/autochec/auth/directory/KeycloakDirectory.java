package com.autochec.auth.directory;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real directory: Keycloak's admin API through {@code keycloak-admin-client}, as the service account of
 * the confidential client {@code autochec-admin} (realm-management roles manage-users, view-users,
 * query-users and view-realm — listing a role's members needs the latter — in the realm file). The only
 * class that talks to Keycloak; every transport failure becomes {@link UserDirectory.Unavailable}.
 */
class KeycloakDirectory implements UserDirectory {

    private static final Logger log = LoggerFactory.getLogger(KeycloakDirectory.class);
    private static final int AGENTS_PAGE = 200;

    private final Keycloak keycloak;
    private final String realm;

    KeycloakDirectory(Keycloak keycloak, String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    @Override
    public String createAgent(NewAgent agent) {
        UsersResource users = keycloak.realm(realm).users();
        String id;
        try (Response response = users.create(KeycloakUserMapping.toUser(agent))) {
            String body = response.getStatus() == 201 ? null : body(response);
            if (response.getStatus() != 201) {
                log.warn("Keycloak refused user {}: HTTP {} {}", agent.username(), response.getStatus(), body);
            }
            RuntimeException failure = KeycloakUserMapping.createFailure(response.getStatus(), agent.username(), body);
            if (failure != null) {
                throw failure;
            }
            id = CreatedResponseUtil.getCreatedId(response);
        } catch (ProcessingException | WebApplicationException e) {
            throw unavailable(e);
        }
        try {
            UserResource user = users.get(id);
            // "available" roles need only user permissions; the new account gets agent, and loses the default
            // roles Keycloak gives every new account (owner among them): staff accounts carry their role only
            List<RoleRepresentation> available = user.roles().realmLevel().listAvailable();
            RoleRepresentation agentRole = available.stream()
                    .filter(role -> KeycloakUserMapping.AGENT_ROLE.equals(role.getName()))
                    .findFirst()
                    .orElseThrow(() -> new Unavailable("The realm has no assignable role \"agent\".", null));
            user.roles().realmLevel().add(List.of(agentRole));
            List<RoleRepresentation> defaults = user.roles().realmLevel().listAll().stream()
                    .filter(role -> KeycloakUserMapping.DEFAULT_ROLES.equals(role.getName()))
                    .toList();
            if (!defaults.isEmpty()) {
                user.roles().realmLevel().remove(defaults);
            }
            return id;
        } catch (RuntimeException e) {
            deleteQuietly(users, id);
            throw e instanceof Unavailable u ? u : unavailable(e);
        }
    }

    @Override
    public List<DirectoryUser> listByRole(String role, int first, int max) {
        String realmRole = KeycloakUserMapping.realmRoleOf(role);
        return call(() -> keycloak.realm(realm).roles().get(realmRole).getUserMembers(false, first, max).stream()
                .map(KeycloakUserMapping::toDirectoryUser)
                .toList());
    }

    @Override
    public Optional<DirectoryUser> findByUsername(String username) {
        return call(() -> keycloak.realm(realm).users().searchByUsername(username, true).stream()
                .filter(user -> username.equalsIgnoreCase(user.getUsername()))
                .findFirst()
                .map(KeycloakUserMapping::toDirectoryUser));
    }

    @Override
    public List<DirectoryUser> agentsOf(String organisation) {
        return call(() -> {
            List<DirectoryUser> agents = new ArrayList<>();
            for (int first = 0; ; first += AGENTS_PAGE) {
                List<UserRepresentation> page = keycloak.realm(realm).roles().get(KeycloakUserMapping.AGENT_ROLE)
                        .getUserMembers(false, first, AGENTS_PAGE);
                page.stream()
                        .filter(user -> organisation.equals(
                                KeycloakUserMapping.firstAttribute(user, KeycloakUserMapping.ORGANISATION_ATTRIBUTE)))
                        .map(KeycloakUserMapping::toDirectoryUser)
                        .forEach(agents::add);
                if (page.size() < AGENTS_PAGE) {
                    return agents;
                }
            }
        });
    }

    @Override
    public DirectoryUser setEnabled(String userId, boolean enabled) {
        return call(() -> {
            UserResource user = keycloak.realm(realm).users().get(userId);
            UserRepresentation representation = user.toRepresentation();
            if (Boolean.TRUE.equals(representation.isEnabled()) != enabled) {
                representation.setEnabled(enabled);
                user.update(representation);
            }
            if (!enabled) {
                user.logout(); // no refresh token of it works any more; access tokens end with their lifetime
            }
            return KeycloakUserMapping.toDirectoryUser(representation);
        });
    }

    @Override
    public void resetPassword(String userId, String temporaryPassword) {
        call(() -> {
            UserResource user = keycloak.realm(realm).users().get(userId);
            user.resetPassword(KeycloakUserMapping.temporaryPassword(temporaryPassword));
            user.logout();
            return null;
        });
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (NotFoundException e) {
            throw new Rejected("username", "Ce compte n'existe plus dans Keycloak.");
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 400) {
                KeycloakUserMapping.KeycloakError error = KeycloakUserMapping.errorOf(body(e.getResponse()));
                throw new Rejected(error.field(), error.message());
            }
            throw unavailable(e);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    private static String body(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (RuntimeException e) {
            log.debug("Keycloak error body unreadable", e);
            return null;
        }
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
