package com.autochec.auth.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

class KeycloakUserMappingTest {

    private final UserDirectory.NewAgent agent = new UserDirectory.NewAgent(
            "jdupont", "j.dupont@police.example", "Jean", "Dupont", "Police nationale (démo)", "POLICE", "Change-me-42");

    @Test
    void anAgentBecomesAnEnabledUserWithItsOrganisationAndItsKind() {
        UserRepresentation user = KeycloakUserMapping.toUser(agent);

        assertThat(user.getUsername()).isEqualTo("jdupont");
        assertThat(user.getEmail()).isEqualTo("j.dupont@police.example");
        assertThat(user.getFirstName()).isEqualTo("Jean");
        assertThat(user.getLastName()).isEqualTo("Dupont");
        assertThat(user.isEnabled()).isTrue();
        assertThat(user.getAttributes())
                .containsEntry("organisation", List.of("Police nationale (démo)"))
                .containsEntry("organisation_kind", List.of("POLICE"));
    }

    @Test
    void thePasswordIsTemporarySoKeycloakAsksForANewOneAtFirstLogIn() {
        CredentialRepresentation password = KeycloakUserMapping.toUser(agent).getCredentials().get(0);

        assertThat(password.getType()).isEqualTo(CredentialRepresentation.PASSWORD);
        assertThat(password.getValue()).isEqualTo("Change-me-42");
        assertThat(password.isTemporary()).isTrue();
    }

    @Test
    void createAnswersMapToOutcomes() {
        assertThat(KeycloakUserMapping.createFailure(201, "jdupont", null)).isNull();
        assertThat(KeycloakUserMapping.createFailure(409, "jdupont", "{\"errorMessage\":\"User exists with same username\"}"))
                .isInstanceOf(UserDirectory.AlreadyExists.class)
                .hasMessageContaining("jdupont");
        assertThat(KeycloakUserMapping.createFailure(400, "jdupont", "{\"errorMessage\":\"invalidPasswordMinLengthMessage\"}"))
                .isInstanceOf(UserDirectory.Rejected.class)
                .hasMessageContaining("invalidPasswordMinLengthMessage");
        assertThat(KeycloakUserMapping.createFailure(403, "jdupont", null)).isInstanceOf(UserDirectory.Unavailable.class);
        assertThat(KeycloakUserMapping.createFailure(500, "jdupont", null)).isInstanceOf(UserDirectory.Unavailable.class);
    }

    /** Keycloak 26 lists user-profile errors under "errors" with no top-level message: each one is reported. */
    @Test
    void severalUserProfileErrorsAreAllReportedWithTheirField() {
        KeycloakUserMapping.KeycloakError error = KeycloakUserMapping.errorOf("""
                {"errors":[{"field":"email","errorMessage":"error-invalid-email","params":["email","x"]},
                           {"field":"organisation_kind","errorMessage":"error-user-attribute-read-only","params":[]}]}""");

        assertThat(error.field()).isEqualTo("email");
        assertThat(error.message())
                .contains("email: error-invalid-email [email, x]")
                .contains("organisation_kind: error-user-attribute-read-only");
    }

    @Test
    void aSingleErrorKeepsItsFieldAndAnUnreadableBodyIsQuoted() {
        assertThat(KeycloakUserMapping.errorOf("{\"field\":\"username\",\"errorMessage\":\"error-username-invalid-character\"}"))
                .isEqualTo(new KeycloakUserMapping.KeycloakError("username",
                        "Keycloak a refusé le compte : username: error-username-invalid-character"));
        assertThat(KeycloakUserMapping.errorOf("<html>Bad Request</html>").message()).contains("<html>Bad Request</html>");
        assertThat(KeycloakUserMapping.errorOf(null).message()).contains("réponse vide");
    }

    @Test
    void aKeycloakUserMapsBackToAnAccount() {
        UserRepresentation user = new UserRepresentation();
        user.setId("kc-1");
        user.setUsername("agent");
        user.setEnabled(false);
        user.setAttributes(java.util.Map.of("organisation", List.of("Police nationale (démo)")));

        assertThat(KeycloakUserMapping.toDirectoryUser(user)).isEqualTo(new UserDirectory.DirectoryUser(
                "kc-1", "agent", null, null, null, "Police nationale (démo)", false));
    }

    @Test
    void ownersAreTheAccountsWithTheDefaultRoles() {
        assertThat(KeycloakUserMapping.realmRoleOf("owner")).isEqualTo("default-roles-autochec");
        assertThat(KeycloakUserMapping.realmRoleOf("agent")).isEqualTo("agent");
        assertThat(KeycloakUserMapping.realmRoleOf("admin")).isEqualTo("admin");
    }
}
