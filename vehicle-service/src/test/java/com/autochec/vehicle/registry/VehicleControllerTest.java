package com.autochec.vehicle.registry;

import static com.autochec.vehicle.config.Jwts.admin;
import static com.autochec.vehicle.config.Jwts.agent;
import static com.autochec.vehicle.config.Jwts.noRole;
import static com.autochec.vehicle.config.Jwts.owner;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.privacy.Purpose;
import com.autochec.contracts.privacy.StatedPurpose;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.vehicle.audit.AuditEvents.VehicleRef;
import com.autochec.vehicle.audit.ViewAudit;
import com.autochec.vehicle.config.Jwts;
import com.autochec.vehicle.config.SecurityConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(VehicleController.class)
@Import(SecurityConfig.class)
class VehicleControllerTest {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final String PROBLEM = "application/problem+json";
    static final String VALID_BODY = """
            {"plate":"ab 123 cd","vin":"VF1RFB00X56789012","make":"Renault","model":"Clio","year":2019,
             "owner":{"kind":"PERSON","name":"Odile Martin","town":"Paris"}}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    VehicleRegistry registry;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @MockitoBean
    ViewAudit audit;

    final VehicleDocument odiles = VehicleDocument.create(
            VehicleDocumentTest.data(new Owner(
                    "o-1", OwnerKind.PERSON, "Odile Martin", "1 rue de la Paix", "75002", "Paris", "odile@example.org",
                    Jwts.OWNER_ID)),
            null,
            T0);

    @Test
    void anonymousCallersGetA401Problem() throws Exception {
        mvc.perform(get("/api/vehicles/" + odiles.id()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unauthorized"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.instance").value("/api/vehicles/" + odiles.id()));
        verifyNoInteractions(registry);
    }

    @Test
    void anInvalidTokenGetsA401Problem() throws Exception {
        given(jwtDecoder.decode(anyString())).willThrow(new BadJwtException("expired"));
        mvc.perform(get("/api/vehicles/" + odiles.id()).header("Authorization", "Bearer forged.token.value"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(header().string("WWW-Authenticate", containsString("invalid_token")))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unauthorized"));
    }

    @Test
    void adminSeesTheFullVehicle() throws Exception {
        given(registry.find(odiles.id())).willReturn(Optional.of(odiles));
        mvc.perform(get("/api/vehicles/" + odiles.id()).param("purpose", "OTHER").param("purposeText", "contrôle qualité").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value(odiles.id()))
                .andExpect(jsonPath("$.plate").value("AB-123-CD"))
                .andExpect(jsonPath("$.vinCheckDigitValid").value(false))
                .andExpect(jsonPath("$.owner.email").value("odile@example.org"))
                .andExpect(jsonPath("$.owner.street").value("1 rue de la Paix"))
                .andExpect(jsonPath("$.owner.accountId").value(Jwts.OWNER_ID))
                .andExpect(jsonPath("$.ownershipHistory").isArray())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.createdAt").value("2025-01-01T00:00:00Z"));
    }

    @Test
    void agentSeesTheHoldersNameAndTownOnly() throws Exception {
        given(registry.find(odiles.id())).willReturn(Optional.of(odiles));
        mvc.perform(get("/api/vehicles/" + odiles.id()).param("purpose", "ROADSIDE_CONTROL").with(agent()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vin").value("VF1RFB00X56789012"))
                .andExpect(jsonPath("$.owner.name").value("Odile Martin"))
                .andExpect(jsonPath("$.owner.town").value("Paris"))
                .andExpect(jsonPath("$.owner.street").doesNotExist())
                .andExpect(jsonPath("$.owner.email").doesNotExist())
                .andExpect(jsonPath("$.owner.accountId").doesNotExist())
                .andExpect(jsonPath("$.ownershipHistory").doesNotExist());
    }

    @Test
    void ownerSeesTheirVehicle() throws Exception {
        given(registry.find(odiles.id())).willReturn(Optional.of(odiles));
        mvc.perform(get("/api/vehicles/" + odiles.id()).with(owner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.owner.email").value("odile@example.org"))
                .andExpect(jsonPath("$.ownershipHistory").doesNotExist());
    }

    @Test
    void anotherOwnerGetsA404NotA403() throws Exception {
        given(registry.find(odiles.id())).willReturn(Optional.of(odiles));
        mvc.perform(get("/api/vehicles/" + odiles.id()).with(owner("someone-else")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/not-found"));
    }

    @Test
    void aCallerWithoutRoleGetsA403Problem() throws Exception {
        mvc.perform(get("/api/vehicles/" + odiles.id()).with(noRole()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/forbidden"));
    }

    @Test
    void unknownVehicleIsA404Problem() throws Exception {
        given(registry.find("nope")).willReturn(Optional.empty());
        mvc.perform(get("/api/vehicles/nope").param("purpose", "PRE_PURCHASE").with(admin()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Aucun véhicule nope"));
        verifyNoInteractions(audit);
    }

    @Test
    void lookupByPlateNormalisesIt() throws Exception {
        given(registry.findByPlate(Plate.parse("AB-123-CD"))).willReturn(Optional.of(odiles));
        mvc.perform(get("/api/vehicles").param("plate", "ab.123 cd").param("purpose", "roadside_control").with(agent()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plate").value("AB-123-CD"));
    }

    @Test
    void anInvalidPlateIsA400WithTheField() throws Exception {
        mvc.perform(get("/api/vehicles").param("plate", "{\"$ne\":null}").param("purpose", "ROADSIDE_CONTROL").with(agent()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("plate"));
        verifyNoInteractions(registry);
    }

    @Test
    void ownersListTheirVehicles() throws Exception {
        given(registry.ownedBy(Jwts.OWNER_ID)).willReturn(List.of(odiles));
        mvc.perform(get("/api/vehicles/mine").with(owner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].plate").value("AB-123-CD"));
    }

    @Test
    void onlyAdminsListAllVehicles() throws Exception {
        given(registry.page(0, 50)).willReturn(List.of(odiles));
        given(registry.count()).willReturn(1L);
        mvc.perform(get("/api/vehicles").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].plate").value("AB-123-CD"))
                .andExpect(jsonPath("$.items[0].owner").doesNotExist())
                .andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get("/api/vehicles").with(agent())).andExpect(status().isForbidden());
        mvc.perform(get("/api/vehicles").param("size", "100000").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void aZeroFniNumberIsRefusedLikeEveryServiceRefusesIt() throws Exception {
        mvc.perform(get("/api/vehicles").param("plate", "0-AB-75").param("purpose", "ROADSIDE_CONTROL").with(agent()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("plate"))
                .andExpect(jsonPath("$.errors[0].message").value("plate number 0 is never issued in France"));
        verifyNoInteractions(registry);
    }

    @Test
    void adminCreatesAVehicle() throws Exception {
        given(registry.create(any(), any())).willReturn(odiles);
        mvc.perform(post("/api/vehicles").with(admin()).contentType(MediaType.APPLICATION_JSON).content(VALID_BODY))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/vehicles/" + odiles.id()))
                .andExpect(jsonPath("$.id").value(odiles.id()));
    }

    @Test
    void agentsAndOwnersMayNotChangeVehicles() throws Exception {
        mvc.perform(post("/api/vehicles").with(agent()).contentType(MediaType.APPLICATION_JSON).content(VALID_BODY))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(put("/api/vehicles/x").with(owner()).contentType(MediaType.APPLICATION_JSON).content(VALID_BODY))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/vehicles/x").with(agent())).andExpect(status().isForbidden());
        verifyNoInteractions(registry);
    }

    @Test
    void anInvalidBodyIsA400WithEveryField() throws Exception {
        mvc.perform(post("/api/vehicles")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"plate":"AB-000-CD","vin":"123","make":"","model":"Clio","year":1700,
                                 "owner":{"kind":"ALIEN","name":"x","email":"nope"}}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[?(@.field == 'plate')].message").value("plate number 0 is never issued in France"))
                .andExpect(jsonPath("$.errors[?(@.field == 'vin')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'make')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'year')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'owner.kind')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'owner.email')]").exists());
        verifyNoInteractions(registry);
    }

    @Test
    void malformedJsonAndWrongTypesAre400NotA500() throws Exception {
        for (String body : List.of("{\"plate\":", "{\"plate\":{\"$ne\":null}}", "{\"year\":\"old\"}", "[]", "")) {
            mvc.perform(post("/api/vehicles").with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/malformed-request"));
        }
    }

    @Test
    void aJsonBodyOverThePlatformLimitIsA413Problem() throws Exception {
        String huge = VALID_BODY.replace("\"Clio\"", "\"" + "x".repeat(70 * 1024) + "\"");
        mvc.perform(post("/api/vehicles").with(admin()).contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/payload-too-large"));
        verifyNoInteractions(registry);
    }

    @Test
    void pathsOutsideTheApiAreDenied() throws Exception {
        mvc.perform(get("/internal/anything").with(admin()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void anUnsupportedContentTypeIsA415Problem() throws Exception {
        mvc.perform(post("/api/vehicles").with(admin()).contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unsupported-media-type"));
    }

    @Test
    void aDuplicatePlateIsA409Problem() throws Exception {
        given(registry.create(any(), any())).willThrow(ApiProblem.conflict("Plate AB-123-CD is already registered"));
        mvc.perform(post("/api/vehicles").with(admin()).contentType(MediaType.APPLICATION_JSON).content(VALID_BODY))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/conflict"));
    }

    @Test
    void staffReadsWithoutAPurposeAreA400AndNeverReachTheRegistry() throws Exception {
        for (var caller : List.of(agent(), admin())) {
            mvc.perform(get("/api/vehicles").param("plate", "AB-123-CD").with(caller))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("purpose"));
            mvc.perform(get("/api/vehicles/" + odiles.id()).param("purpose", "CURIOSITY").with(caller))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("purpose"));
            mvc.perform(get("/api/vehicles/" + odiles.id()).param("purpose", "OTHER").with(caller))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("purposeText"));
        }
        verifyNoInteractions(registry, audit);
    }

    @Test
    void aStaffReadOfAHolderIsAuditedWithPurposeAndTheHoldersAccount() throws Exception {
        given(registry.findByPlate(Plate.parse("AB-123-CD"))).willReturn(Optional.of(odiles));
        mvc.perform(get("/api/vehicles").param("plate", "AB-123-CD").param("purpose", "ROADSIDE_CONTROL").with(agent()))
                .andExpect(status().isOk());
        verify(audit).vehicleViewed(
                org.mockito.ArgumentMatchers.argThat(c -> Jwts.AGENT_ID.equals(c.subject())),
                eq(new StatedPurpose(Purpose.ROADSIDE_CONTROL, null)),
                eq(new VehicleRef(odiles.id(), "AB-123-CD", Jwts.OWNER_ID)));
    }

    @Test
    void theOwnerReadsTheirVehicleWithoutPurposeAndUnaudited() throws Exception {
        given(registry.find(odiles.id())).willReturn(Optional.of(odiles));
        mvc.perform(get("/api/vehicles/" + odiles.id()).with(owner())).andExpect(status().isOk());
        verifyNoInteractions(audit);
    }

    @Test
    void adminDeletesAVehicle() throws Exception {
        mvc.perform(delete("/api/vehicles/" + odiles.id()).with(admin())).andExpect(status().isNoContent());
        verify(registry).delete(eq(odiles.id()), any());
    }
}
