package com.autochec.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.autochec.localstack.testing.AccessMatrix;
import com.autochec.localstack.testing.AccessMatrix.Caller;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.autochec.vehicle.config.Jwts;
import com.autochec.vehicle.registry.Owner;
import com.autochec.vehicle.registry.OwnerKind;
import com.autochec.vehicle.registry.StolenReport;
import com.autochec.vehicle.registry.VehicleData;
import com.autochec.vehicle.registry.VehicleDocument;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * {@code docs/access-matrix.md}, section vehicle-service, is what the running service does: every endpoint it
 * maps is in the matrix (a new endpoint without an entry fails here), and each endpoint called by the five
 * callers — anonymous, a police agent, the vehicle's owner, another owner, an admin — answers the status the
 * matrix writes. Each call gets fresh data (its own vehicle, its own pending proposal), so calls never depend
 * on one another.
 */
@SpringBootTest(properties = "autochec.platform.outbox.sweep-interval=500ms")
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class AccessMatrixTest {

    static final String OTHER_OWNER = "00000000-0000-4000-8000-0000000000ff";
    static final Random RANDOM = new Random();

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The data one call acts on. */
    record Fixture(String vehicleId, String plate, String vin, String proposalId) {

        String ownerId() {
            return "o-" + vin;
        }
    }

    /** How to call each endpoint of the matrix, given the fixture. */
    static final Map<String, Function<Fixture, MockHttpServletRequestBuilder>> REQUESTS = Map.ofEntries(
            Map.entry("GET /api/vehicles?plate=", f -> get("/api/vehicles")
                    .param("plate", f.plate())
                    .param("purpose", "ROADSIDE_CONTROL")),
            Map.entry("GET /api/vehicles/{id}", f -> get("/api/vehicles/" + f.vehicleId()).param("purpose", "PRE_PURCHASE")),
            Map.entry("GET /api/vehicles", f -> get("/api/vehicles")),
            Map.entry("GET /api/vehicles/mine", f -> get("/api/vehicles/mine")),
            Map.entry("GET /api/vehicles/search", f -> get("/api/vehicles/search").param("plate", f.plate())),
            Map.entry("POST /api/vehicles", f -> json(post("/api/vehicles"), vehicleBody(randomPlate(), randomVin()))),
            Map.entry("PUT /api/vehicles/{id}", f -> json(put("/api/vehicles/" + f.vehicleId()), vehicleBody(f.plate(), f.vin()))),
            Map.entry("DELETE /api/vehicles/{id}", f -> delete("/api/vehicles/" + f.vehicleId())),
            Map.entry("POST /api/vehicles/{id}/transfer", f -> json(post("/api/vehicles/" + f.vehicleId() + "/transfer"),
                    "{\"owner\":{\"kind\":\"COMPANY\",\"name\":\"Loc SA\",\"town\":\"Lyon\"}}")),
            Map.entry("POST /api/vehicles/{id}/status", f -> json(post("/api/vehicles/" + f.vehicleId() + "/status"),
                    "{\"status\":\"GAGE\",\"active\":true,\"reason\":\"gage Banque X\"}")),
            Map.entry("POST /api/vehicles/{id}/mileage", f -> json(post("/api/vehicles/" + f.vehicleId() + "/mileage"),
                    "{\"date\":\"2024-01-01\",\"km\":12000,\"source\":\"AGENT\"}")),
            Map.entry("POST /api/vehicles/{id}/maintenance", f -> json(post("/api/vehicles/" + f.vehicleId() + "/maintenance"),
                    "{\"date\":\"2024-01-01\",\"description\":\"vidange\",\"km\":12000}")),
            Map.entry("POST /api/vehicles/{id}/claims", f -> json(post("/api/vehicles/" + f.vehicleId() + "/claims"),
                    "{\"date\":\"2024-01-01\",\"description\":\"choc arrière\"}")),
            Map.entry("POST /api/vehicles/{id}/stolen-report", f -> json(post("/api/vehicles/" + f.vehicleId() + "/stolen-report"),
                    "{\"reference\":\"PV-1\"}")),
            Map.entry("DELETE /api/vehicles/{id}/stolen-report", f -> json(delete("/api/vehicles/" + f.vehicleId() + "/stolen-report"),
                    "{\"reason\":\"retrouvé\"}")),
            Map.entry("GET /api/vehicles/owners/{ownerId}", f -> get("/api/vehicles/owners/" + f.ownerId())
                    .param("purpose", "OTHER")
                    .param("purposeText", "contrôle de la base")),
            Map.entry("PUT /api/vehicles/owners/{ownerId}", f -> json(put("/api/vehicles/owners/" + f.ownerId()),
                    "{\"kind\":\"PERSON\",\"name\":\"Odile Martin-Durand\",\"town\":\"Paris\",\"accountId\":\""
                            + Jwts.OWNER_ID + "\"}")),
            Map.entry("POST /api/vehicles/import", f -> post("/api/vehicles/import")
                    .contentType("text/csv")
                    .content("plate,vin,make,model,variant,year,colour,category,fuel,fiscal_power,power_kw,"
                            + "first_registration,stolen,owner_id,owner_kind,owner_name,owner_street,owner_postal_code,"
                            + "owner_town,owner_email,owner_account_id\n"
                            + randomPlate() + "," + randomVin() + ",Renault,Clio,,2019,gris,VP,DIESEL,5,66,2019-01-01,false,"
                            + ",PERSON,Paul Martin,,,Paris,,\n")),
            Map.entry("POST /api/proposals", f -> json(post("/api/proposals"),
                    "{\"plate\":\"" + f.plate() + "\",\"field\":\"colour\",\"value\":\"Vert\",\"justification\":\"vu au contrôle\"}")),
            Map.entry("GET /api/proposals", f -> get("/api/proposals").param("status", "PENDING")),
            Map.entry("GET /api/proposals/mine", f -> get("/api/proposals/mine")),
            Map.entry("POST /api/proposals/{id}/approve", f -> json(post("/api/proposals/" + f.proposalId() + "/approve"),
                    "{\"reason\":\"conforme\"}")),
            Map.entry("POST /api/proposals/{id}/reject", f -> json(post("/api/proposals/" + f.proposalId() + "/reject"),
                    "{\"reason\":\"pas de justificatif\"}")));

    @Test
    void everyEndpointIsInTheMatrix() {
        assertThat(AccessMatrix.forService("vehicle-service").coverageProblems("vehicle-service", served(), REQUESTS.keySet()))
                .isEmpty();
    }

    @Test
    void everyCallerGetsWhatTheMatrixSays() throws Exception {
        assertThat(AccessMatrix.forService("vehicle-service").mismatches((endpoint, caller) -> {
            var request = REQUESTS.get(endpoint).apply(fixture(endpoint));
            RequestPostProcessor token = token(caller);
            if (token != null) {
                request.with(token);
            }
            return mvc.perform(request).andReturn();
        })).isEmpty();
    }

    /** Every {@code /api/**} mapping as {@code METHOD /path} (+ {@code ?name=} for required parameters). */
    Set<String> served() {
        return AccessMatrix.served(mappings, p -> p.startsWith("/api/"));
    }

    static RequestPostProcessor token(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case AGENT -> Jwts.police();
            case OWNER_OF_VEHICLE -> Jwts.owner();
            case OTHER_OWNER -> Jwts.owner(OTHER_OWNER);
            case ADMIN -> Jwts.admin();
        };
    }

    /** A vehicle held by the demo owner (stolen for the clearing endpoint) and, for the decisions, a pending proposal. */
    Fixture fixture(String endpoint) throws Exception {
        String plate = randomPlate();
        String vin = randomVin();
        Owner owner = new Owner("o-" + vin, OwnerKind.PERSON, "Odile Martin", "1 rue de la Paix", "75002", "Paris",
                "odile@example.org", Jwts.OWNER_ID);
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        StolenReport stolen = endpoint.equals("DELETE /api/vehicles/{id}/stolen-report")
                ? new StolenReport(now, Jwts.AGENT_ID, "PV-0")
                : null;
        VehicleDocument vehicle = VehicleDocument.create(
                new VehicleData(plate, vin, "Renault", "Clio", null, 2019, "gris", "VP", "DIESEL", 5, 66, null, owner),
                stolen,
                now);
        mongo.insert(vehicle);
        String proposalId = null;
        if (endpoint.startsWith("POST /api/proposals/{id}")) {
            MvcResult created = mvc.perform(json(post("/api/proposals"),
                                    "{\"plate\":\"" + plate + "\",\"field\":\"colour\",\"value\":\"Bleu\",\"justification\":\"x\"}")
                            .with(Jwts.garage()))
                    .andReturn();
            assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
            proposalId = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id");
        }
        return new Fixture(vehicle.id(), plate, vin, proposalId);
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static String vehicleBody(String plate, String vin) {
        return "{\"plate\":\"" + plate + "\",\"vin\":\"" + vin + "\",\"make\":\"Renault\",\"model\":\"Clio\",\"year\":2019,"
                + "\"owner\":{\"kind\":\"PERSON\",\"name\":\"Odile Martin\",\"town\":\"Paris\",\"accountId\":\""
                + Jwts.OWNER_ID + "\"}}";
    }

    static String randomPlate() {
        String letters = "ABCDEFGHJKLMNPQRTVXYZ";
        StringBuilder p = new StringBuilder();
        p.append(letters.charAt(RANDOM.nextInt(letters.length()))).append(letters.charAt(RANDOM.nextInt(letters.length())));
        p.append('-').append(100 + RANDOM.nextInt(900)).append('-');
        p.append(letters.charAt(RANDOM.nextInt(letters.length()))).append(letters.charAt(RANDOM.nextInt(letters.length())));
        return p.toString();
    }

    static String randomVin() {
        return String.format("VF1%014d", Math.floorMod(RANDOM.nextLong(), 100_000_000_000_000L));
    }
}
