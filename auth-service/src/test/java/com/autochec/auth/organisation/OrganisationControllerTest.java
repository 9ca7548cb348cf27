package com.autochec.auth.organisation;

import static com.autochec.auth.Roles.admin;
import static com.autochec.auth.Roles.agent;
import static com.autochec.auth.Roles.owner;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.auth.config.WebSliceConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(OrganisationController.class)
@Import(WebSliceConfig.class)
class OrganisationControllerTest {

    private static final OrganisationResponse POLICE =
            new OrganisationResponse("o-1", "Police nationale (démo)", OrganisationKind.POLICE, true, WebSliceConfig.NOW);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Organisations organisations;

    @Test
    void anyAuthenticatedCallerListsActiveOrganisations() throws Exception {
        when(organisations.list(false)).thenReturn(List.of(POLICE));
        mvc.perform(get("/api/organisations").with(owner()))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        [{"id":"o-1","name":"Police nationale (démo)","kind":"POLICE","active":true,
                          "createdAt":"2025-06-01T10:00:00Z"}]""", org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void adminsAlsoSeeDisabledOrganisations() throws Exception {
        when(organisations.list(true)).thenReturn(List.of(POLICE));
        mvc.perform(get("/api/organisations").with(admin())).andExpect(status().isOk());
        verify(organisations).list(true);
    }

    @Test
    void anonymousCallersGet401() throws Exception {
        mvc.perform(get("/api/organisations"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unauthorized"));
    }

    @Test
    void adminCreatesAnOrganisation() throws Exception {
        when(organisations.create(eq("Garage Dupont"), eq(OrganisationKind.GARAGE), any()))
                .thenReturn(new OrganisationResponse("o-2", "Garage Dupont", OrganisationKind.GARAGE, true, WebSliceConfig.NOW));
        mvc.perform(post("/api/organisations").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Garage Dupont\",\"kind\":\"GARAGE\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/organisations/o-2"))
                .andExpect(jsonPath("$.id").value("o-2"))
                .andExpect(jsonPath("$.kind").value("GARAGE"));
    }

    @Test
    void agentsAndOwnersMayNotCreateOrDisable() throws Exception {
        for (var caller : List.of(agent(), owner())) {
            mvc.perform(post("/api/organisations").with(caller)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\":\"Garage Dupont\",\"kind\":\"GARAGE\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/forbidden"));
            mvc.perform(patch("/api/organisations/o-1").with(caller)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"active\":false}"))
                    .andExpect(status().isForbidden());
        }
        verify(organisations, never()).create(anyString(), any(), any());
        verify(organisations, never()).setActive(anyString(), anyBoolean(), any());
    }

    @Test
    void invalidFieldsAreAValidationProblem() throws Exception {
        mvc.perform(post("/api/organisations").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\" \",\"kind\":\"BAKERY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("kind"))
                .andExpect(jsonPath("$.errors[1].field").value("name"));
    }

    @Test
    void malformedAndInjectedBodiesAreMalformedRequestProblems() throws Exception {
        for (String body : List.of("{\"name\":", "{\"name\":{\"$ne\":null},\"kind\":\"POLICE\"}", "[]")) {
            mvc.perform(post("/api/organisations").with(admin())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/malformed-request"));
        }
    }

    @Test
    void adminDisablesAnOrganisation() throws Exception {
        when(organisations.setActive(eq("o-1"), eq(false), any())).thenReturn(
                new OrganisationResponse("o-1", "Police nationale (démo)", OrganisationKind.POLICE, false, WebSliceConfig.NOW));
        mvc.perform(patch("/api/organisations/o-1").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
    }

    @Test
    void keycloakDownWhileDisablingIsA503Problem() throws Exception {
        when(organisations.setActive(eq("o-1"), eq(false), any()))
                .thenThrow(ApiProblem.unavailable("Le service d'identité (Keycloak) est indisponible"));
        mvc.perform(patch("/api/organisations/o-1").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\":false}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unavailable"));
    }

    @Test
    void disablingAnUnknownOrganisationIsNotFound() throws Exception {
        when(organisations.setActive(eq("nope"), eq(false), any())).thenThrow(ApiProblem.notFound("No organisation with id nope."));
        mvc.perform(patch("/api/organisations/nope").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\":false}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/not-found"));
    }
}
