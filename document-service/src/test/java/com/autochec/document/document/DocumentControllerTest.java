package com.autochec.document.document;

import static com.autochec.document.web.TestJwts.admin;
import static com.autochec.document.web.TestJwts.agent;
import static com.autochec.document.web.TestJwts.owner;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.privacy.Purpose;
import com.autochec.contracts.privacy.StatedPurpose;
import com.autochec.document.config.SecurityConfig;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(DocumentController.class)
@Import(SecurityConfig.class)
class DocumentControllerTest {

    static final String VIN = "VF1RFB00X12345678";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DocumentQueries queries;

    @MockitoBean
    DocumentReviews reviews;

    @MockitoBean
    JwtDecoder jwtDecoder;

    static DocumentResponse sample(DocumentStatus status) {
        return new DocumentResponse("doc-1", VIN, "AB-123-CD", DocumentType.INSURANCE, status, "MAIF", "POL-1",
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, "IMPORT", null, null, null, null, 1,
                Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void anonymousGetsUnauthorizedProblem() throws Exception {
        mvc.perform(get("/api/documents").param("vin", VIN))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unauthorized"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void agentListsDocumentsOfAVehicle() throws Exception {
        given(queries.list(any(Caller.class), eq(VIN), eq(null), eq(new StatedPurpose(Purpose.ROADSIDE_CONTROL, null))))
                .willReturn(List.of(sample(DocumentStatus.VALIDATED)));
        mvc.perform(get("/api/documents").param("vin", VIN).param("purpose", "ROADSIDE_CONTROL").with(agent()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("doc-1"))
                .andExpect(jsonPath("$[0].validUntil").value("2025-12-31"))
                .andExpect(jsonPath("$[0].outbox").doesNotExist());
    }

    @Test
    void ownerOfAnotherVehicleGetsForbiddenProblem() throws Exception {
        given(queries.list(any(Caller.class), eq(VIN), eq(null), eq(StatedPurpose.NONE)))
                .willThrow(ApiProblem.forbidden("You can only see the documents of your own vehicles."));
        mvc.perform(get("/api/documents").param("vin", VIN).with(owner()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/forbidden"));
    }

    @Test
    void agentsStateAKnownPurposeAndExplainOther() throws Exception {
        mvc.perform(get("/api/documents").param("vin", VIN).with(agent()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("purpose"));
        mvc.perform(get("/api/documents/doc-1").param("purpose", "CURIOSITY").with(agent()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("purpose"));
        mvc.perform(get("/api/documents/doc-1").param("purpose", "OTHER").with(agent()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("purposeText"));
        mvc.perform(get("/api/documents/doc-1").param("purpose", "OTHER").param("purposeText", "x".repeat(201))
                        .with(agent()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("purposeText"));

        given(queries.get(any(Caller.class), eq("doc-1"), eq(new StatedPurpose(Purpose.OTHER, "Enquête de voisinage"))))
                .willReturn(sample(DocumentStatus.VALIDATED));
        mvc.perform(get("/api/documents/doc-1").param("purpose", "other")
                        .param("purposeText", "  Enquête de voisinage ").with(agent()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("doc-1"));
    }

    @Test
    void tokenWithoutRoleIsForbidden() throws Exception {
        mvc.perform(get("/api/documents").param("vin", VIN).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.jwt()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/forbidden"));
    }

    @Test
    void adminValidates() throws Exception {
        given(reviews.validate(any(Caller.class), eq("doc-1"), eq(new DocumentReviews.Validation(
                        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null, "POL-1", null, null))))
                .willReturn(sample(DocumentStatus.VALIDATED));
        mvc.perform(post("/api/documents/doc-1/validate").with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validFrom\":\"2025-01-01\",\"validUntil\":\"2025-12-31\",\"reference\":\"POL-1\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VALIDATED"))
                .andExpect(jsonPath("$.validUntil").value("2025-12-31"));
    }

    @Test
    void agentAndOwnerCannotReview() throws Exception {
        mvc.perform(post("/api/documents/doc-1/validate").with(agent())).andExpect(status().isForbidden());
        mvc.perform(post("/api/documents/doc-1/reject").with(owner()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/forbidden"));
    }

    @Test
    void malformedJsonIsABadRequestProblem() throws Exception {
        mvc.perform(post("/api/documents/doc-1/reject")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/malformed-request"));
    }

    @Test
    void wrongTypeInJsonIsABadRequestProblem() throws Exception {
        mvc.perform(post("/api/documents/doc-1/reject")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": {\"$ne\": null}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void rejectingTwiceIsAConflictProblem() throws Exception {
        given(reviews.reject(any(Caller.class), eq("doc-1"), eq("blurred")))
                .willThrow(ApiProblem.conflict("The document is already REJECTED."));
        mvc.perform(post("/api/documents/doc-1/reject")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"blurred\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/conflict"));
    }
}
