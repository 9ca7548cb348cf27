package com.autochec.auth.me;

import static com.autochec.auth.Roles.agent;
import static com.autochec.auth.Roles.owner;
import static com.autochec.auth.Roles.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.auth.config.WebSliceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(MeController.class)
@Import(WebSliceConfig.class)
class MeControllerTest {

    @Autowired
    MockMvc mvc;

    @Test
    void agentSeesTheirOrganisationAndEffectiveRole() throws Exception {
        mvc.perform(get("/api/me").with(agent()))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"subject":"00000000-0000-4000-8000-000000000002","username":"agent","role":"agent",
                         "organisation":"Police nationale (démo)","roles":["agent","owner"]}""", org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void ownerHasNoOrganisation() throws Exception {
        mvc.perform(get("/api/me").with(owner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("owner"))
                .andExpect(jsonPath("$.organisation").doesNotExist());
    }

    @Test
    void aTokenWithoutAutochecRolesIsPublic() throws Exception {
        mvc.perform(get("/api/me").with(user("s-1", "someone", null, "offline_access")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("public"))
                .andExpect(jsonPath("$.roles").isEmpty());
    }

    @Test
    void anonymousGetsA401Problem() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unauthorized"))
                .andExpect(jsonPath("$.status").value(401));
    }
}
