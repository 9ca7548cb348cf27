package com.autochec.audit.search;

import static com.autochec.audit.web.TestJwts.admin;
import static com.autochec.audit.web.TestJwts.agent;
import static com.autochec.audit.web.TestJwts.owner;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.audit.config.AuditProperties;
import com.autochec.audit.config.SecurityConfig;
import com.autochec.audit.log.AuditChain;
import com.autochec.audit.checkpoint.ChainVerifier;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(AuditController.class)
@Import(SecurityConfig.class)
@EnableConfigurationProperties(AuditProperties.class)
class AuditControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditSearch search;

    @MockitoBean
    ChainVerifier auditLog;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void adminSearchesByPlate() throws Exception {
        given(search.search(any(AuditFilter.class))).willReturn(new AuditPage(List.of(new AuditPage.Item(7,
                Instant.parse("2025-06-01T10:00:00Z"), "CHECK_PERFORMED", "chk-1", "AB-123-CD", "WARNING",
                List.of("INSURANCE_EXPIRED"), new AuditPage.Actor("agent", "agent", "Police nationale (démo)", "POLICE"),
                "roadside check", null, "TYPED", null, null, null, null, null, null, null, null, null)), 0, 20, 1));
        mvc.perform(get("/api/audit").param("plate", "ab 123 cd").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].sequence").value(7))
                .andExpect(jsonPath("$.items[0].occurredAt").value("2025-06-01T10:00:00Z"))
                .andExpect(jsonPath("$.items[0].actor.organisation").value("Police nationale (démo)"))
                .andExpect(jsonPath("$.items[0].actor.subject").doesNotExist())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(20));
    }

    @Test
    void agentsAndOwnersAreForbiddenAnonymousUnauthorized() throws Exception {
        mvc.perform(get("/api/audit").with(agent()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/forbidden"));
        mvc.perform(get("/api/audit/verify").with(owner())).andExpect(status().isForbidden());
        mvc.perform(get("/api/audit"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unauthorized"));
        verifyNoInteractions(search, auditLog);
    }

    @Test
    void injectionAttemptsInThePlateAreRejected() throws Exception {
        mvc.perform(get("/api/audit").param("plate", "{\"$ne\":null}").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("plate"));
        mvc.perform(get("/api/audit").param("size", "abc").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        verifyNoInteractions(search);
    }

    @Test
    void verifyReportsValidityOrTheBreak() throws Exception {
        var checkpoint = new ChainVerifier.Anchor(10, "h", java.time.Instant.parse("2025-06-01T10:00:00Z"),
                java.util.List.of("file", "kafka"));
        given(auditLog.verify()).willReturn(new ChainVerifier.Report(true, 12, 1L, 12L, null, null, null, checkpoint,
                java.util.List.of()));
        mvc.perform(get("/api/audit/verify").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"valid\":true,\"entries\":12,\"lastSequence\":12,"
                        + "\"checkpoint\":{\"sequence\":10,\"sources\":[\"file\",\"kafka\"]}}"));
        given(auditLog.verify()).willReturn(new ChainVerifier.Report(false, 12, 1L, 12L, 6L, 10L,
                ChainVerifier.CHECKPOINT_MISMATCH, checkpoint, java.util.List.of()));
        mvc.perform(get("/api/audit/verify").with(admin()))
                .andExpect(content().json("{\"valid\":false,\"brokenAt\":6,\"brokenBefore\":10,"
                        + "\"reason\":\"CHECKPOINT_MISMATCH\"}"));
    }
}
