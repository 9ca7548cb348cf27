package com.autochec.verification.check;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.verification.config.SecurityConfig;
import com.autochec.verification.readmodel.ReadModelRebuild;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = ReadModelController.class)
@Import(SecurityConfig.class)
class ReadModelControllerWebTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReadModelRebuild rebuild;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void onlyAnAdminRebuildsTheReadModel() throws Exception {
        mvc.perform(post("/api/checks/read-model/rebuild")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/checks/read-model/rebuild").with(CheckControllerWebTest.as("agent-sub", "agent")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/forbidden"));
        mvc.perform(get("/api/checks/read-model").with(CheckControllerWebTest.as("owner-sub", "owner")))
                .andExpect(status().isForbidden());
        verifyNoInteractions(rebuild);

        given(rebuild.rebuild()).willReturn(Map.of("startedAt", "2026-03-15T10:00:00Z"));
        mvc.perform(post("/api/checks/read-model/rebuild").with(CheckControllerWebTest.as("admin-sub", "admin")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.startedAt").value("2026-03-15T10:00:00Z"));
        verify(rebuild).rebuild();
        given(rebuild.counts()).willReturn(Map.of("plates", 10_005L));
        mvc.perform(get("/api/checks/read-model").with(CheckControllerWebTest.as("admin-sub", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plates").value(10_005));
    }
}
