package com.autochec.auth.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Pure mapping between Autochec's accounts and Keycloak's representations and answers (unit-tested). */
final class KeycloakUserMapping {

    static final String AGENT_ROLE = "agent";
    static final String ADMIN_ROLE = "admin";
    static final String OWNER_ROLE = "owner";
    /** Every self-registered account gets it, and with it {@code owner}; staff accounts are created without it. */
    static final String DEFAULT_ROLES = "default-roles-autochec";
    static final String ORGANISATION_ATTRIBUTE = "organisation";
    static final String ORGANISATION_KIND_ATTRIBUTE = "organisation_kind";

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeycloakUserMapping() {}

    static UserRepresentation toUser(UserDirectory.NewAgent agent) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(agent.username());
        user.setEmail(agent.email());
        user.setFirstName(agent.firstName());
        user.setLastName(agent.lastName());
        user.setEnabled(true);
        user.setEmailVerified(false);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(ORGANISATION_ATTRIBUTE, List.of(agent.organisation()));
        if (agent.organisationKind() != null) {
            attributes.put(ORGANISATION_KIND_ATTRIBUTE, List.of(agent.organisationKind()));
        }
        user.setAttributes(attributes);
        user.setCredentials(List.of(temporaryPassword(agent.temporaryPassword())));
        return user;
    }

    /** A password Keycloak asks to change at the next log-in. */
    static CredentialRepresentation temporaryPassword(String value) {
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(value);
        password.setTemporary(true);
        return password;
    }

    /**
     * Turns the status of Keycloak's "create user" answer into an outcome: null when created, otherwise the
     * exception to throw. {@code body} is Keycloak's answer, read by {@link #errorOf(String)}.
     */
    static RuntimeException createFailure(int status, String username, String body) {
        return switch (status) {
            case 201 -> null;
            case 409 -> new UserDirectory.AlreadyExists(
                    "Un compte nommé « " + username + " » ou avec cette adresse e-mail existe déjà.");
            case 400 -> {
                KeycloakError error = errorOf(body);
                yield new UserDirectory.Rejected(error.field(), error.message());
            }
            case 401, 403 -> new UserDirectory.Unavailable(
                    "auth-service's Keycloak client is not allowed to manage users (HTTP " + status + ").", null);
            default -> new UserDirectory.Unavailable("Keycloak answered HTTP " + status + ".", null);
        };
    }

    /** Which request field a refusal is about, and Keycloak's own words for it. */
    record KeycloakError(String field, String message) {}

    /**
     * Keycloak 26 answers a refused user either {@code {"errorMessage": "...", "field": "...", "params": [...]}}
     * (one error) or {@code {"errors": [ {...}, ... ]}} (several, e.g. user-profile validations): every message
     * is kept, with its field and parameters, so the caller learns why.
     */
    static KeycloakError errorOf(String body) {
        if (body == null || body.isBlank()) {
            return new KeycloakError("username", "Keycloak a refusé le compte (réponse vide).");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            return new KeycloakError("username", "Keycloak a refusé le compte : " + abbreviate(body));
        }
        List<JsonNode> errors = new ArrayList<>();
        if (root.hasNonNull("errorMessage")) {
            errors.add(root);
        }
        root.path("errors").forEach(errors::add);
        if (errors.isEmpty() && root.hasNonNull("error")) {
            errors.add(root);
        }
        if (errors.isEmpty()) {
            return new KeycloakError("username", "Keycloak a refusé le compte : " + abbreviate(body));
        }
        List<String> messages = new ArrayList<>();
        String field = null;
        for (JsonNode error : errors) {
            String message = error.hasNonNull("errorMessage") ? error.get("errorMessage").asText()
                    : error.path("error").asText();
            String on = error.hasNonNull("field") ? error.get("field").asText() : null;
            if (field == null && on != null) {
                field = on;
            }
            List<String> params = new ArrayList<>();
            error.path("params").forEach(p -> params.add(p.asText()));
            messages.add((on == null ? "" : on + ": ") + message + (params.isEmpty() ? "" : " " + params));
        }
        return new KeycloakError(requestField(field), "Keycloak a refusé le compte : " + String.join("; ", messages));
    }

    /** Keycloak's attribute name as the field of Autochec's request. */
    private static String requestField(String keycloakField) {
        if (keycloakField == null) {
            return "temporaryPassword";
        }
        return switch (keycloakField) {
            case "username", "email", "firstName", "lastName" -> keycloakField;
            case ORGANISATION_ATTRIBUTE, ORGANISATION_KIND_ATTRIBUTE -> "organisationId";
            default -> keycloakField;
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    static UserDirectory.DirectoryUser toDirectoryUser(UserRepresentation user) {
        return new UserDirectory.DirectoryUser(
                user.getId(),
                user.getUsername(),
                user.getEmail(),
                user.getFirstName(),
                user.getLastName(),
                firstAttribute(user, ORGANISATION_ATTRIBUTE),
                Boolean.TRUE.equals(user.isEnabled()));
    }

    static String firstAttribute(UserRepresentation user, String name) {
        Map<String, List<String>> attributes = user.getAttributes();
        if (attributes == null) {
            return null;
        }
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The realm role whose members are the accounts of an Autochec role. */
    static String realmRoleOf(String role) {
        return switch (role) {
            case ADMIN_ROLE -> ADMIN_ROLE;
            case AGENT_ROLE -> AGENT_ROLE;
            case OWNER_ROLE -> DEFAULT_ROLES;
            default -> throw new IllegalArgumentException("unknown role " + role);
        };
    }
}
