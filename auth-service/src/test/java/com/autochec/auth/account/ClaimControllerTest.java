package com.autochec.auth.account;

import static com.autochec.auth.Roles.admin;
import static com.autochec.auth.Roles.agent;
import static com.autochec.auth.Roles.owner;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.auth.config.WebSliceConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Who may call what, and bad input, before the claims service is reached (its rules: ClaimsIntegrationTest). */
@WebMvcTest(ClaimController.class)
@Import(WebSliceConfig.class)
class ClaimControllerTest {

    private static final String CLAIM = "{\"plate\":\"AB-123-CD\",\"vinLast4\":\"5678\",\"certificateNumber\":\"2021AB12345\"}";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Claims claims;

    @Test
    void onlyOwnersClaim() throws Exception {
        mvc.perform(post("/api/accounts/claims").with(com.autochec.auth.Roles.user("s-9", "agent-only",
                                "Police nationale (démo)", "agent"))
                        .contentType(MediaType.APPLICATION_JSON).content(CLAIM))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/accounts/claims").contentType(MediaType.APPLICATION_JSON).content(CLAIM))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(claims);
    }

    @Test
    void onlyAdminsDecide() throws Exception {
        for (var caller : List.of(owner(), agent())) {
            mvc.perform(post("/api/accounts/claims/c-1/approve").with(caller)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"ok\"}"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/forbidden"));
            mvc.perform(post("/api/accounts/claims/c-1/reject").with(caller)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"no\"}"))
                    .andExpect(status().isForbidden());
        }
        verify(claims, never()).approve(any(), anyString(), anyString());
        verify(claims, never()).reject(any(), anyString(), anyString());
    }

    @Test
    void agentsDoNotSeeClaims() throws Exception {
        mvc.perform(get("/api/accounts/claims").with(com.autochec.auth.Roles.user("s-9", "agent-only", "Police", "agent")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/accounts/claims/c-1").with(com.autochec.auth.Roles.user("s-9", "agent-only", "Police", "agent")))
                .andExpect(status().isForbidden());
        verifyNoInteractions(claims);
    }

    @Test
    void aRejectionNeedsAReason() throws Exception {
        mvc.perform(post("/api/accounts/claims/c-1/reject").with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"));
        verify(claims, never()).reject(any(), anyString(), anyString());
    }

    @Test
    void badFieldsAreListedAndInjectionIsMalformed() throws Exception {
        mvc.perform(post("/api/accounts/claims").with(owner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"HELLO\",\"vinLast4\":\"IOQ\",\"certificateNumber\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("plate"))
                .andExpect(jsonPath("$.errors[1].field").value("vinLast4"))
                .andExpect(jsonPath("$.errors[2].field").value("certificateNumber"));
        mvc.perform(post("/api/accounts/claims").with(owner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":{\"$ne\":null},\"vinLast4\":\"5678\",\"certificateNumber\":\"2021AB12345\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/malformed-request"));
        mvc.perform(get("/api/accounts/claims?status=MAYBE").with(admin()))
                .andExpect(status().isBadRequest());
        verifyNoInteractions(claims);
    }
}
