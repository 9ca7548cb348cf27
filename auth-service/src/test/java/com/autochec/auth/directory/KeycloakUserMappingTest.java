package com.autochec.auth.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

class KeycloakUserMappingTest {

    private final AgentDirectory.NewAgent agent = new AgentDirectory.NewAgent(
            "jdupont", "j.dupont@police.example", "Jean", "Dupont", "Police nationale (démo)", "Change-me-42");

    @Test
    void anAgentBecomesAnEnabledUserWithItsOrganisationAttribute() {
        UserRepresentation user = KeycloakUserMapping.toUser(agent);

        assertThat(user.getUsername()).isEqualTo("jdupont");
        assertThat(user.getEmail()).isEqualTo("j.dupont@police.example");
        assertThat(user.getFirstName()).isEqualTo("Jean");
        assertThat(user.getLastName()).isEqualTo("Dupont");
        assertThat(user.isEnabled()).isTrue();
        assertThat(user.getAttributes()).containsEntry("organisation", List.of("Police nationale (démo)"));
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
        assertThat(KeycloakUserMapping.createFailure(409, "jdupont", "User exists with same username"))
                .isInstanceOf(AgentDirectory.AlreadyExists.class)
                .hasMessageContaining("jdupont");
        assertThat(KeycloakUserMapping.createFailure(400, "jdupont", "invalidPasswordMinLengthMessage"))
                .isInstanceOf(AgentDirectory.Rejected.class)
                .hasMessage("invalidPasswordMinLengthMessage");
        assertThat(KeycloakUserMapping.createFailure(403, "jdupont", null))
                .isInstanceOf(AgentDirectory.Unavailable.class);
        assertThat(KeycloakUserMapping.createFailure(500, "jdupont", null))
                .isInstanceOf(AgentDirectory.Unavailable.class);
    }

    @Test
    void aKeycloakUserMapsBackToAnAgentStatus() {
        UserRepresentation user = new UserRepresentation();
        user.setId("kc-1");
        user.setUsername("agent");
        user.setEnabled(false);

        assertThat(KeycloakUserMapping.toAgent(user)).isEqualTo(new AgentDirectory.DirectoryAgent("kc-1", "agent", false));
    }
}
