package com.autochec.auth.me;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.autochec.auth.JwksServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** Real signed tokens through the service's own decoder: only tokens issued for the Autochec API are accepted. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({EmbeddedInfrastructure.class, JwksServer.class})
@org.springframework.test.context.bean.override.mockito.MockitoBean(types = com.autochec.auth.directory.UserDirectory.class)
class TokenAudienceIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JwksServer.Tokens tokens;

    @Test
    void aTokenForTheAutochecApiIsAccepted() throws Exception {
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + tokens.token("u-1", "autochec-api", "owner")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.subject").value("u-1"))
                .andExpect(jsonPath("$.role").value("owner"));
    }

    @Test
    void aTokenForAnotherAudienceIsA401Problem() throws Exception {
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + tokens.token("u-1", "another-api", "admin")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unauthorized"));
    }

    @Test
    void aTokenWithoutAudienceIsA401Problem() throws Exception {
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + tokens.token("u-1", null, "admin")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unauthorized"));
    }
}
