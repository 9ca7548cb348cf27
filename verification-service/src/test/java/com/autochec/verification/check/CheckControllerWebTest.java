package com.autochec.verification.check;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import com.autochec.platform.outbox.OutboxRelays;
import com.autochec.platform.security.Role;
import com.autochec.verification.config.SecurityConfig;
import com.autochec.verification.config.VerificationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import com.autochec.verification.readmodel.DocumentRecord;
import com.autochec.verification.readmodel.PlateRecord;
import com.autochec.verification.readmodel.OwnerRecord;
import com.autochec.verification.readmodel.ReadModel;
import com.autochec.verification.readmodel.VehicleRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = CheckController.class)
@EnableConfigurationProperties(VerificationProperties.class)
@Import({SecurityConfig.class, CheckService.class, CheckStreams.class, CheckControllerWebTest.FixedClock.class})
class CheckControllerWebTest {

    static final String OWNER_SUB = "00000000-0000-4000-8000-000000000003";
    static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReadModel readModel;

    @MockitoBean
    CheckRepository repository;

    @MockitoBean
    OutboxRelays relay;

    @MockitoBean
    CompletedCheckOutbox outbox;

    @MockitoBean
    FraudSignalOutbox signalOutbox;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @MockitoBean
    com.autochec.verification.fraud.Sightings sightings;

    static final VehicleRecord VEHICLE = new VehicleRecord(
            "veh-1", 3, "AB-123-CD", "VF1RFB00012345678", "Renault", "Clio", "V 1.0 TCe", 2019, "grey", "M1",
            "petrol", 5, 67, LocalDate.parse("2024-04-02"), false,
            new OwnerRecord("own-1", "PERSON", "Odile Martin", "12 rue des Lilas", "69003", "Lyon",
                    "odile.martin@example.org", OWNER_SUB),
            NOW);

    static final List<DocumentRecord> DOCUMENTS = List.of(
            new DocumentRecord("doc-1", 1, "VF1RFB00012345678", "AB-123-CD", DocumentType.INSURANCE,
                    DocumentStatus.VALIDATED, "MAAF", "POL-42", LocalDate.parse("2026-01-01"),
                    LocalDate.parse("2026-12-31"), null, NOW),
            new DocumentRecord("doc-2", 1, "VF1RFB00012345678", "AB-123-CD", DocumentType.ROAD_TAX,
                    DocumentStatus.VALIDATED, "DGFiP", "TAX-1", LocalDate.parse("2026-01-01"),
                    LocalDate.parse("2026-12-31"), null, NOW));

    @BeforeEach
    void readModel() {
        given(readModel.byPlate("AB-123-CD")).willReturn(Optional.of(new PlateRecord("AB-123-CD", 1, VEHICLE, DOCUMENTS, NOW)));
        given(readModel.byPlate("ZZ-999-ZZ")).willReturn(Optional.empty());
    }

    static JwtRequestPostProcessor as(String sub, String role) {
        return jwt().jwt(j -> j.subject(sub)
                        .claim("preferred_username", role + "-user")
                        .claim("roles", List.of(role))
                        .claim("organisation", "Police nationale (démo)"))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Test
    void publicCheckNormalisesThePlateAndShowsNoPersonData() throws Exception {
        mvc.perform(post("/api/checks").contentType(MediaType.APPLICATION_JSON).content("{\"plate\":\"ab 123.cd\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.source").value("TYPED"))
                .andExpect(jsonPath("$.plate").value("AB-123-CD"))
                .andExpect(jsonPath("$.verdict").value("OK"))
                .andExpect(jsonPath("$.reasons[?(@.severity != 'INFO')]").isEmpty())
                .andExpect(jsonPath("$.reasons[?(@.code == 'INSPECTION_NOT_YET_DUE')].severity").value("INFO"))
                .andExpect(jsonPath("$.reasons[?(@.code == 'TAX_PAID')].messageFr").isNotEmpty())
                .andExpect(jsonPath("$.vehicle.make").value("Renault"))
                .andExpect(jsonPath("$.vehicle.firstRegistration").value("2024-04-02"))
                .andExpect(jsonPath("$.vehicle.owner").doesNotExist())
                .andExpect(jsonPath("$.vehicle.vin").doesNotExist())
                .andExpect(jsonPath("$.documents[0].type").value("INSURANCE"))
                .andExpect(jsonPath("$.documents[0].valid").value(true))
                .andExpect(jsonPath("$.documents[0].issuer").doesNotExist())
                .andExpect(jsonPath("$.requestedAt").value("2026-03-15T10:00:00Z"))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("Odile"))));
        verify(repository).insert(any());
        verify(relay).kick(any());
    }

    @Test
    void agentSeesVinAndOwnerNameAndTown() throws Exception {
        mvc.perform(post("/api/checks")
                        .with(as("agent-sub", "agent"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"AB-123-CD\",\"purpose\":\"ROADSIDE_CONTROL\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.purpose").value("ROADSIDE_CONTROL"))
                .andExpect(jsonPath("$.vehicle.vin").value("VF1RFB00012345678"))
                .andExpect(jsonPath("$.vehicle.owner.name").value("Odile Martin"))
                .andExpect(jsonPath("$.vehicle.owner.town").value("Lyon"))
                .andExpect(jsonPath("$.vehicle.owner.street").doesNotExist())
                .andExpect(jsonPath("$.vehicle.owner.email").doesNotExist())
                .andExpect(jsonPath("$.documents[0].issuer").value("MAAF"))
                .andExpect(jsonPath("$.documents[0].reference").value("POL-42"));
    }

    @Test
    void theVehiclesOwnerAndAdminSeeTheAddress() throws Exception {
        for (JwtRequestPostProcessor caller : List.of(as(OWNER_SUB, "owner"), as("admin-sub", "admin"))) {
            mvc.perform(post("/api/checks")
                            .with(caller)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"plate\":\"AB123CD\",\"purpose\":\"other\",\"purposeText\":\"support\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.vehicle.owner.street").value("12 rue des Lilas"))
                    .andExpect(jsonPath("$.vehicle.owner.email").value("odile.martin@example.org"));
        }
    }

    @Test
    void anotherOwnerGetsThePublicView() throws Exception {
        mvc.perform(post("/api/checks")
                        .with(as("someone-else", "owner"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"AB-123-CD\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vehicle.owner").doesNotExist())
                .andExpect(jsonPath("$.vehicle.vin").doesNotExist());
    }

    @Test
    void unknownPlateIsA404ProblemButIsRecordedAndPublished() throws Exception {
        mvc.perform(post("/api/checks").contentType(MediaType.APPLICATION_JSON).content("{\"plate\":\"zz-999-zz\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/not-found"))
                .andExpect(jsonPath("$.plate").value("ZZ-999-ZZ"))
                .andExpect(jsonPath("$.checkId").isNotEmpty());
        verify(repository).insert(org.mockito.ArgumentMatchers.argThat(c -> "NOT_FOUND".equals(c.verdict())));
        verify(relay).kick(any());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"plate\": {\"$ne\": null}}",
        "{\"plate\": 123456}",
        "{\"plate\": [\"AB-123-CD\"]}",
        "{\"plate\": true}",
        "{\"plate\": null}",
        "{}",
        "{\"plate\": \"not a plate!\"}",
        "{\"plate\": \"AB_123_CD\"}",
        "{\"plate\": \"0-AB-75\"}",
        "{\"plate\": \"ABCDEFGHIJK\"}",
        "{\"plate\": \"AB-123-CD\", \"purpose\": {\"$gt\": \"\"}}",
    })
    void badPlatesAreValidationProblemsThatNeverReachAQuery(String body) throws Exception {
        mvc.perform(post("/api/checks").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").exists())
                .andExpect(jsonPath("$.errors[0].message").exists());
        verifyNoInteractions(readModel, repository, relay);
    }

    @Test
    void anOverseasFniPlateIsCheckedAsTheRegistryAcceptsIt() throws Exception {
        given(readModel.byPlate("123-AB-971"))
                .willReturn(Optional.of(new PlateRecord("123-AB-971", 1, VEHICLE, DOCUMENTS, NOW)));
        mvc.perform(post("/api/checks").contentType(MediaType.APPLICATION_JSON).content("{\"plate\":\"123 ab 971\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plate").value("123-AB-971"))
                .andExpect(jsonPath("$.plateKind").value("FNI_OVERSEAS"));
        verify(readModel).byPlate("123-AB-971");
    }

    @Test
    void aZeroFniNumberIsRefusedWithTheSameMessageAsTheRegistry() throws Exception {
        mvc.perform(post("/api/checks").contentType(MediaType.APPLICATION_JSON).content("{\"plate\":\"0-AB-75\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("plate"))
                .andExpect(jsonPath("$.errors[0].message").value("plate number 0 is never issued in France"));
        verifyNoInteractions(readModel, repository, relay);
    }

    @Test
    void aForeignPlateIsNotRegisteredNotABadRequest() throws Exception {
        mvc.perform(post("/api/checks").contentType(MediaType.APPLICATION_JSON).content("{\"plate\":\"m5 xsx\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.plate").value("M5XSX"))
                .andExpect(jsonPath("$.plateKind").value("FOREIGN_OR_UNKNOWN"))
                .andExpect(jsonPath("$.verdict").value("NOT_FOUND"))
                .andExpect(jsonPath("$.reasons[0].code").value("PLATE_NOT_REGISTERED"))
                .andExpect(jsonPath("$.reasons[0].message", containsString("FOREIGN_OR_UNKNOWN")))
                .andExpect(jsonPath("$.vehicle").doesNotExist());
        verifyNoInteractions(readModel);
        verify(repository).insert(org.mockito.ArgumentMatchers.argThat(c -> "NOT_FOUND".equals(c.verdict())));
        verify(relay).kick(any());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"plate\":\"AB-123-CD\"}",
        "{\"plate\":\"AB-123-CD\",\"purpose\":\"\"}",
        "{\"plate\":\"AB-123-CD\",\"purpose\":\"roadside check\"}",
        "{\"plate\":\"AB-123-CD\",\"purpose\":42}",
    })
    void anAgentWithoutAValidPurposeIsAValidationProblem(String body) throws Exception {
        for (String role : List.of("agent", "admin")) {
            mvc.perform(post("/api/checks").with(as(role + "-sub", role)).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("purpose"));
        }
        verifyNoInteractions(readModel, repository, relay);
    }

    @Test
    void purposeOtherNeedsItsText() throws Exception {
        mvc.perform(post("/api/checks").with(as("agent-sub", "agent")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"AB-123-CD\",\"purpose\":\"OTHER\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("purposeText"));
        mvc.perform(post("/api/checks").with(as("agent-sub", "agent")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"AB-123-CD\",\"purpose\":\"OTHER\",\"purposeText\":\"Enquête\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.purpose").value("OTHER"))
                .andExpect(jsonPath("$.purposeText").value("Enquête"));
    }

    @Test
    void publicAndOwnerChecksNeedNoPurpose() throws Exception {
        mvc.perform(post("/api/checks").contentType(MediaType.APPLICATION_JSON).content("{\"plate\":\"AB-123-CD\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/checks").with(as("someone", "owner")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"AB-123-CD\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void theAgentsOrganisationKindTravelsWithTheCheck() throws Exception {
        mvc.perform(post("/api/checks")
                        .with(jwt().jwt(j -> j.subject("agent-sub").claim("roles", List.of("agent"))
                                        .claim("organisation", "Police").claim("organisation_kind", "POLICE"))
                                .authorities(new SimpleGrantedAuthority("ROLE_agent")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"AB-123-CD\",\"purpose\":\"ROADSIDE_CONTROL\"}"))
                .andExpect(status().isOk());
        verify(repository).insert(org.mockito.ArgumentMatchers.argThat(c -> "POLICE".equals(c.requester().organisationKind())
                && "POLICE".equals(CheckEvents.completed(c).requester().organisationKind())
                && "ROADSIDE_CONTROL".equals(CheckEvents.completed(c).purpose())));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"plate\":\"AB-123-CD\",\"observed\":\"red\"}",
        "{\"plate\":\"AB-123-CD\",\"observed\":{\"colour\":{\"$ne\":1}}}",
        "{\"plate\":\"AB-123-CD\",\"vin\":\"NOTAVIN\"}",
        "{\"plate\":\"AB-123-CD\",\"location\":{\"lat\":\"48\",\"lon\":2}}",
        "{\"plate\":\"AB-123-CD\",\"location\":{\"lat\":91,\"lon\":2}}",
    })
    void badObservationsAreValidationProblems(String body) throws Exception {
        mvc.perform(post("/api/checks").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"));
        verifyNoInteractions(readModel, repository, relay);
    }

    @Test
    void theObservationReachesTheFraudSignalsAndTheirResultsTheVerdict() throws Exception {
        given(sightings.signals(anyString(), org.mockito.ArgumentMatchers.eq("AB-123-CD"), any(), any(), any(),
                        org.mockito.ArgumentMatchers.eq(true), any()))
                .willReturn(List.of(com.autochec.verification.rules.Reason.of("ATTRIBUTES_COLOUR_MISMATCH",
                        com.autochec.verification.rules.Severity.WARNING, "fr", "en", "observed", "rouge")));
        mvc.perform(post("/api/checks").with(as("agent-sub", "agent")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"AB-123-CD\",\"purpose\":\"ROADSIDE_CONTROL\",\"observed\":{\"colour\":\"rouge\"},"
                                + "\"location\":{\"lat\":48.85,\"lon\":2.35}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("WARNING"))
                .andExpect(jsonPath("$.reasons[?(@.code == 'ATTRIBUTES_COLOUR_MISMATCH')].evidence.observed").value("rouge"));
        verify(sightings).signals(anyString(), org.mockito.ArgumentMatchers.eq("AB-123-CD"), any(),
                org.mockito.ArgumentMatchers.argThat(o -> "rouge".equals(o.colour()) && o.location() != null),
                org.mockito.ArgumentMatchers.isNull(), org.mockito.ArgumentMatchers.eq(true),
                org.mockito.ArgumentMatchers.eq(NOW));
    }

    @Test
    void theInjectionErrorNamesThePlateField() throws Exception {
        mvc.perform(post("/api/checks")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\": {\"$ne\": null}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("plate")));
    }

    @Test
    void tooLongPurposeIsAValidationProblem() throws Exception {
        mvc.perform(post("/api/checks")
                        .with(as("agent-sub", "agent"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"AB-123-CD\",\"purpose\":\"" + "x".repeat(201) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("purpose"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"plate\": ", "not json", "[\"AB-123-CD\"", "\"AB-123-CD"})
    void malformedJsonIsAMalformedRequestProblem(String body) throws Exception {
        mvc.perform(post("/api/checks").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/malformed-request"));
        verifyNoInteractions(readModel);
    }

    @Test
    void aJsonArrayBodyIsAValidationProblem() throws Exception {
        mvc.perform(post("/api/checks").contentType(MediaType.APPLICATION_JSON).content("[\"AB-123-CD\"]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void anOversizedBodyIsA413Problem() throws Exception {
        String body = "{\"plate\":\"AB-123-CD\",\"purpose\":\"" + "x".repeat(20_000) + "\"}";
        mvc.perform(post("/api/checks").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/payload-too-large"));
        verifyNoInteractions(readModel);
    }

    @Test
    void anotherMediaTypeIsA415Problem() throws Exception {
        mvc.perform(post("/api/checks").contentType(MediaType.TEXT_PLAIN).content("AB-123-CD"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unsupported-media-type"));
    }

    @Test
    void aBadBearerTokenIsA401Problem() throws Exception {
        given(jwtDecoder.decode(anyString())).willThrow(new BadJwtException("expired"));
        mvc.perform(post("/api/checks")
                        .header("Authorization", "Bearer not.a.valid-token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"AB-123-CD\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unauthorized"))
                .andExpect(jsonPath("$.status").value(401));
        verifyNoInteractions(readModel);
    }

    @Test
    void otherPathsNeedAToken() throws Exception {
        mvc.perform(get("/api/elsewhere"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unauthorized"));
    }

    @Test
    void theRequesterAndAdminsMayReadACheckButNobodyElse() throws Exception {
        String id = "22222222-2222-4222-8222-222222222222";
        CheckDocument stored = CheckViewsTest.check(new CheckDocument.Requester("agent-sub", "agent-user", Role.AGENT, null));
        CheckDocument agentCheck = new CheckDocument(id, stored.status(), stored.source(), stored.plate(), stored.purpose(),
                stored.requester(), stored.verdict(), stored.reasons(), stored.vehicle(), stored.documents(), null, null,
                false, stored.outbox(), stored.requestedAt(), stored.completedAt(), null);
        given(repository.findById(id)).willReturn(Optional.of(agentCheck));

        mvc.perform(get("/api/checks/" + id).with(as("agent-sub", "agent")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.vehicle.owner.name").value("Odile Martin"));
        // an admin reads it as it was shown to the agent who made it
        mvc.perform(get("/api/checks/" + id).with(as("admin-sub", "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vehicle.owner.street").doesNotExist());
        mvc.perform(get("/api/checks/" + id).with(as("other-agent", "agent")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/not-found"));
        mvc.perform(get("/api/checks/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void anonymousChecksCanBeReadByAnyone() throws Exception {
        String id = "33333333-3333-4333-8333-333333333333";
        CheckDocument stored = CheckViewsTest.check(new CheckDocument.Requester(null, null, Role.PUBLIC, null));
        given(repository.findById(id)).willReturn(Optional.of(new CheckDocument(id, stored.status(), stored.source(),
                stored.plate(), null, stored.requester(), stored.verdict(), stored.reasons(), stored.vehicle(),
                stored.documents(), null, null, false, stored.outbox(), stored.requestedAt(), stored.completedAt(), null)));
        mvc.perform(get("/api/checks/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.vehicle.owner").doesNotExist());
        mvc.perform(get("/api/checks/" + id).with(as("x", "owner"))).andExpect(status().isOk());
    }

    @Test
    void aMalformedIdIsA404WithoutAQuery() throws Exception {
        mvc.perform(get("/api/checks/{id}", "{\"$ne\":null}")).andExpect(status().isNotFound());
        mvc.perform(get("/api/checks/not-a-uuid")).andExpect(status().isNotFound());
        verify(repository, never()).findById(anyString());
    }

    /** A vehicle whose insurance ended yesterday (the day before NOW), its road tax valid. */
    static final List<DocumentRecord> INSURANCE_ENDED_YESTERDAY = List.of(
            new DocumentRecord("doc-3", 1, "VF1RFB00012345678", "EF-456-GH", DocumentType.INSURANCE,
                    DocumentStatus.VALIDATED, "MAAF", "POL-43", LocalDate.parse("2025-03-15"),
                    LocalDate.parse("2026-03-14"), null, NOW),
            DOCUMENTS.get(1));

    private void insuranceEndedYesterday() {
        VehicleRecord vehicle = new VehicleRecord(
                "veh-2", 3, "EF-456-GH", "VF1RFB00012345678", "Renault", "Clio", "V 1.0 TCe", 2019, "grey", "M1",
                "petrol", 5, 67, LocalDate.parse("2024-04-02"), false, VEHICLE.owner(), NOW);
        given(readModel.byPlate("EF-456-GH"))
                .willReturn(Optional.of(new PlateRecord("EF-456-GH", 1, vehicle, INSURANCE_ENDED_YESTERDAY, NOW)));
    }

    @Test
    void aCheckCapturedYesterdayJudgesTheInsuranceAsOfThatMoment() throws Exception {
        insuranceEndedYesterday();
        // sent now from the offline queue, made yesterday morning: the insurance was still valid then
        mvc.perform(post("/api/checks").with(as("agent-sub", "agent")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"EF-456-GH\",\"purpose\":\"ROADSIDE_CONTROL\","
                                + "\"capturedAt\":\"2026-03-14T08:30:00.000Z\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.capturedAt").value("2026-03-14T08:30:00Z"))
                .andExpect(jsonPath("$.requestedAt").value(NOW.toString()))
                .andExpect(jsonPath("$.reasons[?(@.code == 'INSURANCE_EXPIRING_SOON')].evidence.state").value("VALID"))
                .andExpect(jsonPath("$.reasons[?(@.code == 'INSURANCE_EXPIRED')]").doesNotExist());
        verify(repository).insert(org.mockito.ArgumentMatchers.argThat(c ->
                Instant.parse("2026-03-14T08:30:00Z").equals(c.capturedAt())
                        && Instant.parse("2026-03-14T08:30:00Z").equals(CheckEvents.completed(c).capturedAt())
                        && c.documents().stream().anyMatch(d -> "INSURANCE".equals(d.type()) && d.valid())));
    }

    @Test
    void theSameCheckMadeNowFindsTheInsuranceExpired() throws Exception {
        insuranceEndedYesterday();
        mvc.perform(post("/api/checks").with(as("agent-sub", "agent")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"EF-456-GH\",\"purpose\":\"ROADSIDE_CONTROL\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.capturedAt").doesNotExist())
                .andExpect(jsonPath("$.verdict").value("FAIL"))
                .andExpect(jsonPath("$.reasons[?(@.code == 'INSURANCE_EXPIRED')]").exists());
    }

    @Test
    void theCaptureTimeIsTheSightingTime() throws Exception {
        insuranceEndedYesterday();
        mvc.perform(post("/api/checks").with(as("agent-sub", "agent")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"EF-456-GH\",\"purpose\":\"ROADSIDE_CONTROL\","
                                + "\"observed\":{\"colour\":\"grey\"},\"capturedAt\":\"2026-03-15T11:00:00+02:00\"}"))
                .andExpect(status().isOk());
        verify(sightings).signals(anyString(), org.mockito.ArgumentMatchers.eq("EF-456-GH"), any(), any(),
                org.mockito.ArgumentMatchers.isNull(), org.mockito.ArgumentMatchers.eq(true), org.mockito.ArgumentMatchers.eq(Instant.parse("2026-03-15T09:00:00Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"2026-03-15T10:06:00Z\"",           // six minutes ahead of the service's clock
        "\"2026-03-08T09:59:00Z\"",           // more than seven days old
        "\"yesterday\"",
        "\"2026-03-15\"",
        "1773568800000",
    })
    void aCaptureTimeInTheFutureTooOldOrMalformedIsAValidationProblem(String capturedAt) throws Exception {
        mvc.perform(post("/api/checks").with(as("agent-sub", "agent")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"AB-123-CD\",\"purpose\":\"ROADSIDE_CONTROL\",\"capturedAt\":" + capturedAt + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("capturedAt"));
        verifyNoInteractions(repository, relay);
    }

    @Test
    void aCaptureTimeWithinTheClockSkewIsAccepted() throws Exception {
        mvc.perform(post("/api/checks").with(as("agent-sub", "agent")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"AB-123-CD\",\"purpose\":\"ROADSIDE_CONTROL\","
                                + "\"capturedAt\":\"2026-03-15T10:04:00Z\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.capturedAt").value("2026-03-15T10:04:00Z"));
    }
}
