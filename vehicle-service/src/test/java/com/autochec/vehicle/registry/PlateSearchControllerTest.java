package com.autochec.vehicle.registry;

import static com.autochec.vehicle.config.Jwts.admin;
import static com.autochec.vehicle.config.Jwts.agent;
import static com.autochec.vehicle.config.Jwts.noRole;
import static com.autochec.vehicle.config.Jwts.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.vehicle.config.SecurityConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The search endpoint with the real ranking over a registry held in a map (the store answers {@code $in}). */
@WebMvcTest(PlateSearchController.class)
@Import({SecurityConfig.class, PlateSearch.class})
class PlateSearchControllerTest {

    static final String PROBLEM = "application/problem+json";
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final Owner ODILE = new Owner(
            "o-1", OwnerKind.PERSON, "Odile Martin", "1 rue de la Paix", "75002", "Paris", "odile@example.org", "acc-1");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    VehicleStore store;

    @MockitoBean
    JwtDecoder jwtDecoder;

    final Map<String, VehicleDocument> registry = new HashMap<>();
    final List<Collection<String>> queries = new ArrayList<>();

    @BeforeEach
    void registryInAMap() {
        given(store.findByPlates(anyCollection())).willAnswer(call -> {
            Collection<String> plates = call.getArgument(0);
            queries.add(List.copyOf(plates));
            return plates.stream().map(registry::get).filter(Objects::nonNull).toList();
        });
    }

    void register(String plate, String make, String model, String colour) {
        VehicleData data = new VehicleData(
                plate, "VF1RFB00X" + Math.abs(plate.hashCode() % 100_000_000), make, model, null, 2019, colour, "VP",
                "DIESEL", 5, 66, null, ODILE);
        registry.put(plate, VehicleDocument.create(data, null, T0));
    }

    @Test
    void agentsGetTheConfusableReadingFirst() throws Exception {
        register("AB-123-CD", "Renault", "Clio", "gris");
        register("AB-923-CD", "Peugeot", "208", "bleu");
        mvc.perform(get("/api/vehicles/search").param("plate", "AB-I23-CD").with(agent()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plate").value("ABI23CD"))
                .andExpect(jsonPath("$.candidates.length()").value(2))
                .andExpect(jsonPath("$.candidates[0].plate").value("AB-123-CD"))
                .andExpect(jsonPath("$.candidates[0].match").value("CONFUSABLE"))
                .andExpect(jsonPath("$.candidates[0].score").value(0.9))
                .andExpect(jsonPath("$.candidates[0].make").value("Renault"))
                .andExpect(jsonPath("$.candidates[0].model").value("Clio"))
                .andExpect(jsonPath("$.candidates[0].colour").value("gris"))
                .andExpect(jsonPath("$.candidates[1].plate").value("AB-923-CD"))
                .andExpect(jsonPath("$.candidates[1].match").value("ONE_EDIT"))
                .andExpect(jsonPath("$.candidates[1].score").value(0.5))
                .andExpect(jsonPath("$.candidates[0].owner").doesNotExist())
                .andExpect(jsonPath("$.candidates[0].vin").doesNotExist())
                .andExpect(jsonPath("$.candidates[0].id").doesNotExist());
    }

    @Test
    void theExactPlateComesFirstWhenRegistered() throws Exception {
        register("AB-123-CD", "Renault", "Clio", "gris");
        register("AB-128-CD", "Citroën", "C3", "rouge");
        mvc.perform(get("/api/vehicles/search").param("plate", "ab 123 cd").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plate").value("AB-123-CD"))
                .andExpect(jsonPath("$.candidates[0].plate").value("AB-123-CD"))
                .andExpect(jsonPath("$.candidates[0].match").value("EXACT"))
                .andExpect(jsonPath("$.candidates[0].score").value(1.0))
                .andExpect(jsonPath("$.candidates[1].plate").value("AB-128-CD"))
                .andExpect(jsonPath("$.candidates[1].match").value("ONE_EDIT"))
                .andExpect(jsonPath("$.candidates.length()").value(2));
    }

    @Test
    void anOneEditNeighbourIsFoundWithKeyedBatchesOnly() throws Exception {
        register("AB-124-CD", "Toyota", "Yaris", "blanc");
        mvc.perform(get("/api/vehicles/search").param("plate", "AB-123-CD").with(agent()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates.length()").value(1))
                .andExpect(jsonPath("$.candidates[0].plate").value("AB-124-CD"))
                .andExpect(jsonPath("$.candidates[0].match").value("ONE_EDIT"));
        // one query for the plate and its variants, then the 127 neighbours in one batch
        assertThat(queries).hasSize(2);
        assertThat(queries.get(0)).containsExactly("AB-123-CD");
        assertThat(queries.get(1)).hasSize(127).allSatisfy(p -> assertThat(p.length()).isEqualTo(9));
    }

    @Test
    void atMostTenResults() throws Exception {
        for (char c = 'A'; c <= 'Z'; c++) {
            register("AB-123-C" + c, "Renault", "Clio", "gris");
        }
        mvc.perform(get("/api/vehicles/search").param("plate", "AB-123-CD").with(agent()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates.length()").value(10))
                .andExpect(jsonPath("$.candidates[0].match").value("EXACT"))
                .andExpect(jsonPath("$.candidates[1].plate").value("AB-123-CA"));
    }

    @Test
    void ownersGetA403Problem() throws Exception {
        mvc.perform(get("/api/vehicles/search").param("plate", "AB-123-CD").with(owner()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/forbidden"));
        verifyNoInteractions(store);
    }

    @Test
    void publicCallersGetA403Problem() throws Exception {
        mvc.perform(get("/api/vehicles/search").param("plate", "AB-123-CD").with(noRole()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/forbidden"));
        verifyNoInteractions(store);
    }

    @Test
    void withoutATokenA401Problem() throws Exception {
        mvc.perform(get("/api/vehicles/search").param("plate", "AB-123-CD"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        verifyNoInteractions(store);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "A", "AB-123-CD-EF-GH", "AB$123", "{\"$ne\":1}", "ÉÉ-123-CD"})
    void garbageIsAValidationProblem(String plate) throws Exception {
        mvc.perform(get("/api/vehicles/search").param("plate", plate).with(agent()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("plate"));
        verify(store, never()).findByPlates(anyCollection());
    }

    @Test
    void aMissingPlateIsAValidationProblem() throws Exception {
        mvc.perform(get("/api/vehicles/search").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("plate"));
    }
}
