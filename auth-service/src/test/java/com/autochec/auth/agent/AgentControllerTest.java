package com.autochec.auth.agent;

import static com.autochec.auth.Roles.admin;
import static com.autochec.auth.Roles.agent;
import static com.autochec.auth.Roles.owner;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.auth.audit.AuditTrail;
import com.autochec.auth.config.WebSliceConfig;
import com.autochec.auth.directory.UserDirectory;
import com.autochec.auth.organisation.OrganisationKind;
import com.autochec.auth.organisation.OrganisationResponse;
import com.autochec.auth.organisation.Organisations;
import com.autochec.auth.users.Accounts;
import com.autochec.contracts.audit.AuditAction;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(AgentController.class)
@Import({WebSliceConfig.class, Agents.class, Accounts.class})
class AgentControllerTest {

    private static final String REQUEST = """
            {"username":"Jdupont","email":"j.dupont@police.example","firstName":"Jean","lastName":"Dupont",
             "organisationId":"o-1","temporaryPassword":"Change-me-42"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UserDirectory directory;

    @MockitoBean
    Organisations organisations;

    @MockitoBean
    AuditTrail audit;

    java.util.List<AuditTrail.Entry> audited;

    @org.junit.jupiter.api.BeforeEach
    void auditedChangesRun() {
        audited = com.autochec.auth.audit.AuditTrailStubs.runChanges(audit);
    }

    private void organisation(boolean active) {
        when(organisations.find("o-1")).thenReturn(Optional.of(new OrganisationResponse(
                "o-1", "Police nationale (démo)", OrganisationKind.POLICE, active, WebSliceConfig.NOW)));
    }

    @Test
    void adminCreatesAnAgentInTheOrganisationWithItsKindAndTheActionIsAudited() throws Exception {
        organisation(true);
        UserDirectory.NewAgent expected = new UserDirectory.NewAgent("jdupont", "j.dupont@police.example", "Jean",
                "Dupont", "Police nationale (démo)", "POLICE", "Change-me-42");
        when(directory.createAgent(expected)).thenReturn("kc-42");

        mvc.perform(post("/api/agents").with(admin()).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/accounts/users/jdupont"))
                .andExpect(content().json("""
                        {"id":"kc-42","username":"jdupont","email":"j.dupont@police.example","firstName":"Jean",
                         "lastName":"Dupont","organisation":{"id":"o-1","name":"Police nationale (démo)"},"enabled":true}""",
                        JsonCompareMode.STRICT));
        ArgumentCaptor<AuditTrail.Entry> intent = ArgumentCaptor.forClass(AuditTrail.Entry.class);
        verify(audit).audited(intent.capture(), any(), any());
        org.assertj.core.api.Assertions.assertThat(intent.getValue().action()).isEqualTo(AuditAction.ADMIN_ACTION);
        org.assertj.core.api.Assertions.assertThat(intent.getValue().after()).containsEntry("username", "jdupont");
        org.assertj.core.api.Assertions.assertThat(audited).singleElement().satisfies(outcome -> {
            org.assertj.core.api.Assertions.assertThat(outcome.outcome()).isEqualTo("AGENT_CREATED");
            org.assertj.core.api.Assertions.assertThat(outcome.resourceId()).isEqualTo("kc-42");
            org.assertj.core.api.Assertions.assertThat(outcome.actor().username()).isEqualTo("admin");
        });
    }

    @Test
    void onlyAdminsManageAgents() throws Exception {
        for (var caller : java.util.List.of(agent(), owner())) {
            mvc.perform(post("/api/agents").with(caller).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/forbidden"));
            mvc.perform(post("/api/agents/agent/disable").with(caller)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/agents").contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isUnauthorized());
        verify(directory, never()).createAgent(any());
        verify(directory, never()).setEnabled(any(), org.mockito.ArgumentMatchers.anyBoolean());
    }

    @Test
    void unknownOrganisationIsAValidationError() throws Exception {
        when(organisations.find("o-1")).thenReturn(Optional.empty());
        mvc.perform(post("/api/agents").with(admin()).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("organisationId"));
        verify(directory, never()).createAgent(any());
    }

    @Test
    void disabledOrganisationIsAConflict() throws Exception {
        organisation(false);
        mvc.perform(post("/api/agents").with(admin()).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/conflict"));
    }

    @Test
    void invalidFieldsAreListed() throws Exception {
        mvc.perform(post("/api/agents").with(admin()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username":"x","email":"not-an-email","firstName":"","lastName":"D",
                         "organisationId":"o-1","temporaryPassword":"short"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                .andExpect(jsonPath("$.errors.length()").value(4));
    }

    @Test
    void takenUsernameIsAConflictRefusalIsAValidationProblemAndKeycloakDownIs503() throws Exception {
        organisation(true);
        when(directory.createAgent(any())).thenThrow(new UserDirectory.AlreadyExists("Un compte nommé « jdupont » existe déjà."));
        mvc.perform(post("/api/agents").with(admin()).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isConflict());

        org.mockito.Mockito.doThrow(new UserDirectory.Rejected("email", "Keycloak a refusé le compte : email: error-invalid-email"))
                .when(directory).createAgent(any());
        mvc.perform(post("/api/agents").with(admin()).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[0].message").value("Keycloak a refusé le compte : email: error-invalid-email"));

        org.mockito.Mockito.doThrow(new UserDirectory.Unavailable("down", null)).when(directory).createAgent(any());
        mvc.perform(post("/api/agents").with(admin()).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unavailable"));
        org.assertj.core.api.Assertions.assertThat(audited).as("no success recorded").isEmpty();
    }

    @Test
    void adminDisablesAnAgentThroughTheFormerPath() throws Exception {
        UserDirectory.DirectoryUser user =
                new UserDirectory.DirectoryUser("kc-2", "agent", null, null, null, "Police nationale (démo)", true);
        when(directory.findByUsername("agent")).thenReturn(Optional.of(user));
        when(directory.setEnabled("kc-2", false)).thenReturn(user);
        mvc.perform(post("/api/agents/Agent/disable").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("kc-2"))
                .andExpect(jsonPath("$.enabled").value(false));
        verify(directory).setEnabled(eq("kc-2"), eq(false));
    }

    @Test
    void disablingAnUnknownAgentIsNotFound() throws Exception {
        when(directory.findByUsername("ghost")).thenReturn(Optional.empty());
        mvc.perform(post("/api/agents/ghost/disable").with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/not-found"));
    }
}
