package com.autochec.auth.organisation;

import static com.autochec.auth.Roles.admin;
import static com.autochec.auth.Roles.owner;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.autochec.auth.directory.UserDirectory;
import com.jayway.jsonpath.JsonPath;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The whole service against the in-process MongoDB wire server (Keycloak is not called here). */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
@MockitoBean(types = UserDirectory.class)
class OrganisationsIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Organisations organisations;

    @Autowired
    UserDirectory directory;

    @Test
    void theDemoOrganisationIsSeededOnceAtStartup() throws Exception {
        mvc.perform(get("/api/organisations").with(owner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == 'Police nationale (démo)')].kind").value(hasItem("POLICE")));
        // a second start (or a second instance) finds it and creates nothing
        org.assertj.core.api.Assertions.assertThat(
                        organisations.ensureExists("Police nationale (démo)", OrganisationKind.POLICE))
                .isFalse();
    }

    @Test
    void namesAreUniqueRegardlessOfCaseAndSpacing() throws Exception {
        mvc.perform(post("/api/organisations").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Assurances  Martin\",\"kind\":\"INSURER\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Assurances Martin"));
        mvc.perform(post("/api/organisations").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"assurances martin\",\"kind\":\"INSURER\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/conflict"));
    }

    @Test
    void aDisabledOrganisationIsHiddenFromAllButAdmins() throws Exception {
        String created = mvc.perform(post("/api/organisations").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Loc'Auto\",\"kind\":\"RENTAL\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");

        mvc.perform(patch("/api/organisations/" + id).with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));

        mvc.perform(get("/api/organisations").with(owner()))
                .andExpect(jsonPath("$[*].id").value(not(hasItem(id))));
        mvc.perform(get("/api/organisations").with(admin()))
                .andExpect(jsonPath("$[*].id").value(hasItem(id)));
    }

    @Test
    void unknownIdsAreNotFound() throws Exception {
        mvc.perform(patch("/api/organisations/does-not-exist").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\":false}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void disablingAnOrganisationDisablesItsEnabledAgentsAndReEnablingRestoresOnlyThem() throws Exception {
        String created = mvc.perform(post("/api/organisations").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Gendarmerie de test\",\"kind\":\"POLICE\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        var active = new UserDirectory.DirectoryUser("kc-a", "a", null, null, null, "Gendarmerie de test", true);
        var alreadyDisabled = new UserDirectory.DirectoryUser("kc-b", "b", null, null, null, "Gendarmerie de test", false);
        org.mockito.Mockito.when(directory.agentsOf("Gendarmerie de test")).thenReturn(java.util.List.of(active, alreadyDisabled));

        mvc.perform(patch("/api/organisations/" + id).with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"active\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        org.mockito.Mockito.verify(directory).setEnabled("kc-a", false);
        org.mockito.Mockito.verify(directory, org.mockito.Mockito.never()).setEnabled("kc-b", false);

        mvc.perform(patch("/api/organisations/" + id).with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"active\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true));
        org.mockito.Mockito.verify(directory).setEnabled("kc-a", true);
        org.mockito.Mockito.verify(directory, org.mockito.Mockito.never()).setEnabled("kc-b", true);
    }

    @Test
    void keycloakDownLeavesTheOrganisationActiveAndAnswers503() throws Exception {
        String created = mvc.perform(post("/api/organisations").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Assurances du Midi\",\"kind\":\"INSURER\"}"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        org.mockito.Mockito.when(directory.agentsOf("Assurances du Midi"))
                .thenThrow(new UserDirectory.Unavailable("Keycloak down", null));

        mvc.perform(patch("/api/organisations/" + id).with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"active\":false}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unavailable"));
        org.assertj.core.api.Assertions.assertThat(organisations.find(id).orElseThrow().active()).isTrue();
    }
}
