package com.autochec.auth.agent;

import static com.autochec.auth.Roles.admin;
import static com.autochec.auth.Roles.agent;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.auth.config.WebSliceConfig;
import com.autochec.auth.organisation.OrganisationKind;
import com.autochec.auth.organisation.OrganisationResponse;
import com.autochec.auth.organisation.Organisations;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@WebMvcTest(AgentController.class)
@Import({WebSliceConfig.class, Agents.class})
class AgentControllerTest {

    private static final String REQUEST = """
            {"username":"Jdupont","email":"j.dupont@police.example","firstName":"Jean","lastName":"Dupont",
             "organisationId":"o-1","temporaryPassword":"Change-me-42"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AgentDirectory directory;

    @MockitoBean
    Organisations organisations;

    private void organisation(boolean active) {
        when(organisations.find("o-1")).thenReturn(Optional.of(new OrganisationResponse(
                "o-1", "Police nationale (démo)", OrganisationKind.POLICE, active, WebSliceConfig.NOW)));
    }

    @Test
    void adminCreatesAnAgentInTheOrganisation() throws Exception {
        organisation(true);
        AgentDirectory.NewAgent expected = new AgentDirectory.NewAgent(
                "jdupont", "j.dupont@police.example", "Jean", "Dupont", "Police nationale (démo)", "Change-me-42");
        when(directory.create(expected)).thenReturn("kc-42");

        mvc.perform(post("/api/agents").with(admin()).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/agents/jdupont"))
                .andExpect(content().json("""
                        {"id":"kc-42","username":"jdupont","email":"j.dupont@police.example","firstName":"Jean",
                         "lastName":"Dupont","organisation":{"id":"o-1","name":"Police nationale (démo)"},"enabled":true}""",
                        JsonCompareMode.STRICT));
    }

    @Test
    void onlyAdminsManageAgents() throws Exception {
        mvc.perform(post("/api/agents").with(agent()).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/forbidden"));
        mvc.perform(post("/api/agents/agent/disable").with(agent()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/agents").contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isUnauthorized());
        verify(directory, never()).create(any());
        verify(directory, never()).disable(any());
    }

    @Test
    void unknownOrganisationIsAValidationError() throws Exception {
        when(organisations.find("o-1")).thenReturn(Optional.empty());
        mvc.perform(post("/api/agents").with(admin()).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("organisationId"));
        verify(directory, never()).create(any());
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
    void takenUsernameIsAConflictAndAnUnreachableDirectoryIs503() throws Exception {
        organisation(true);
        when(directory.create(any())).thenThrow(new AgentDirectory.AlreadyExists("A user named \"jdupont\" exists."));
        mvc.perform(post("/api/agents").with(admin()).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isConflict());

        org.mockito.Mockito.doThrow(new AgentDirectory.Unavailable("down", null)).when(directory).create(any());
        mvc.perform(post("/api/agents").with(admin()).contentType(MediaType.APPLICATION_JSON).content(REQUEST))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unavailable"));
    }

    @Test
    void adminDisablesAnAgent() throws Exception {
        when(directory.disable("agent"))
                .thenReturn(Optional.of(new AgentDirectory.DirectoryAgent("kc-2", "agent", false)));
        mvc.perform(post("/api/agents/Agent/disable").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"id\":\"kc-2\",\"username\":\"agent\",\"enabled\":false}", JsonCompareMode.STRICT));
    }

    @Test
    void disablingAnUnknownAgentIsNotFound() throws Exception {
        when(directory.disable("ghost")).thenReturn(Optional.empty());
        mvc.perform(post("/api/agents/ghost/disable").with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/not-found"));
    }
}
