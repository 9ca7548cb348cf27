package com.autochec.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.autochec.localstack.testing.AccessMatrix;
import com.autochec.localstack.testing.AccessMatrix.Caller;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.autochec.verification.readmodel.OwnerRecord;
import com.autochec.verification.readmodel.PlateRecord;
import com.autochec.verification.readmodel.VehicleRecord;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * {@code docs/access-matrix.md}, section verification-service, is what the running service does: every
 * {@code /api} endpoint it maps is in the matrix (and every row is still served), and each endpoint called by the
 * five callers answers the status the matrix writes. Each call gets a fresh plate in the read model, held by the
 * owner, and a check of it made by the owner; the other callers act on that check (BOLA: a check is its
 * requester's). Further tests: another agent's check, an anonymous check, and which fields each role sees.
 */
@SpringBootTest(properties = {
    "autochec.platform.outbox.sweep-interval=1s",
    "autochec.platform.object-store.directory=target/test-objects/access-matrix"
})
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class AccessMatrixTest {

    static final String SERVICE = "verification-service";
    static final String OWNER_ID = "00000000-0000-4000-8000-000000000003";
    static final String OTHER_OWNER = "00000000-0000-4000-8000-0000000000ff";
    static final String AGENT_ID = "00000000-0000-4000-8000-000000000002";
    static final String OTHER_AGENT = "00000000-0000-4000-8000-0000000000fe";
    static final String ADMIN_ID = "00000000-0000-4000-8000-000000000001";
    static final Random RANDOM = new Random();

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The data one call acts on: a registered plate and a completed check of it made by its owner. */
    record Fixture(String plate, String checkId) {}

    static final Map<String, Function<Fixture, MockHttpServletRequestBuilder>> REQUESTS = Map.ofEntries(
            Map.entry("POST /api/checks", f -> json(post("/api/checks"),
                    "{\"plate\":\"" + f.plate() + "\",\"purpose\":\"ROADSIDE_CONTROL\"}")),
            Map.entry("GET /api/checks/{id}", f -> get("/api/checks/" + f.checkId())),
            Map.entry("GET /api/checks/mine", f -> get("/api/checks/mine")),
            Map.entry("GET /api/checks/{id}/events", f -> get("/api/checks/" + f.checkId() + "/events")
                    .accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_PROBLEM_JSON)),
            Map.entry("POST /api/checks/{id}/confirm", f -> json(post("/api/checks/" + f.checkId() + "/confirm"),
                    "{\"plate\":\"" + f.plate() + "\"}")),
            Map.entry("GET /api/checks/read-model", f -> get("/api/checks/read-model")),
            Map.entry("POST /api/checks/read-model/rebuild", f -> post("/api/checks/read-model/rebuild")));

    @Test
    void everyEndpointIsInTheMatrix() {
        assertThat(AccessMatrix.forService(SERVICE).coverageProblems(SERVICE, served(), REQUESTS.keySet()))
                .isEmpty();
    }

    @Test
    void everyCallerGetsWhatTheMatrixSays() throws Exception {
        assertThat(AccessMatrix.forService(SERVICE).mismatches((endpoint, caller) -> {
            var request = REQUESTS.get(endpoint).apply(fixture());
            RequestPostProcessor token = token(caller);
            if (token != null) {
                request.with(token);
            }
            return mvc.perform(request).andReturn();
        })).isEmpty();
    }

    @Test
    void anotherAgentsCheckIsHiddenAnAnonymousCheckIsNot() throws Exception {
        Fixture f = fixture();
        String byOtherAgent = check(f.plate(), as(OTHER_AGENT, "agent"));
        assertThat(status(get("/api/checks/" + byOtherAgent).with(token(Caller.AGENT)))).isEqualTo(404);
        assertThat(status(get("/api/checks/" + byOtherAgent).with(token(Caller.ADMIN)))).isEqualTo(200);
        String anonymous = check(f.plate(), null);
        for (Caller caller : Caller.values()) {
            MockHttpServletRequestBuilder request = get("/api/checks/" + anonymous);
            if (token(caller) != null) request.with(token(caller));
            assertThat(status(request)).as(caller.name()).isEqualTo(200);
        }
    }

    @Test
    void eachRoleSeesItsFields() throws Exception {
        String plate = fixture().plate();
        String anonymous = body(json(post("/api/checks"), "{\"plate\":\"" + plate + "\"}"));
        String otherOwner = body(json(post("/api/checks"), "{\"plate\":\"" + plate + "\"}").with(token(Caller.OTHER_OWNER)));
        String agent = body(json(post("/api/checks"), "{\"plate\":\"" + plate + "\",\"purpose\":\"ROADSIDE_CONTROL\"}")
                .with(token(Caller.AGENT)));
        String owner = body(json(post("/api/checks"), "{\"plate\":\"" + plate + "\"}").with(token(Caller.OWNER_OF_VEHICLE)));
        for (String publicView : List.of(anonymous, otherOwner)) {
            assertThat(publicView).contains("Renault").doesNotContain("Odile").doesNotContain("Lyon")
                    .doesNotContain("rue des Lilas").doesNotContain("odile@example.org").doesNotContain(OWNER_ID);
        }
        assertThat(agent).contains("Odile Martin").contains("Lyon").doesNotContain("rue des Lilas")
                .doesNotContain("odile@example.org").doesNotContain(OWNER_ID);
        assertThat(owner).contains("Odile Martin").contains("rue des Lilas");
    }

    String check(String plate, RequestPostProcessor token) throws Exception {
        MockHttpServletRequestBuilder request = json(post("/api/checks"),
                "{\"plate\":\"" + plate + "\",\"purpose\":\"ROADSIDE_CONTROL\"}");
        if (token != null) request.with(token);
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return JsonPath.read(result.getResponse().getContentAsString(), "$.id");
    }

    int status(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    String body(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    /** Every {@code /api/**} mapping as {@code METHOD /path} (+ {@code ?name=} for required parameters). */
    Set<String> served() {
        return AccessMatrix.served(mappings, p -> p.startsWith("/api/"));
    }

    static RequestPostProcessor token(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case AGENT -> as(AGENT_ID, "agent");
            case OWNER_OF_VEHICLE -> as(OWNER_ID, "owner");
            case OTHER_OWNER -> as(OTHER_OWNER, "owner");
            case ADMIN -> as(ADMIN_ID, "admin");
        };
    }

    static RequestPostProcessor as(String subject, String role) {
        return jwt().jwt(j -> {
                    j.subject(subject).claim("preferred_username", role + "-" + subject.substring(34))
                            .claim("roles", List.of(role));
                    if (role.equals("agent")) j.claim("organisation", "Police nationale (démo)");
                })
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    /** A plate of the read model held by the owner, and a check of it made by the owner. */
    Fixture fixture() throws Exception {
        String plate = randomPlate();
        String vehicleId = UUID.randomUUID().toString();
        String vin = String.format("VF1%014d", Math.floorMod(RANDOM.nextLong(), 100_000_000_000_000L));
        OwnerRecord owner = new OwnerRecord("own-" + vehicleId, "PERSON", "Odile Martin", "12 rue des Lilas", "69003",
                "Lyon", "odile@example.org", OWNER_ID);
        VehicleRecord vehicle = new VehicleRecord(vehicleId, 1, plate, vin, "Renault", "Clio", "V", 2020, "grey", "M1",
                "petrol", 5, 67, LocalDate.now().minusYears(1), false, owner, Instant.now());
        mongo.insert(vehicle);
        mongo.insert(new PlateRecord(plate, 1, vehicle, List.of(), Instant.now()));
        return new Fixture(plate, check(plate, token(Caller.OWNER_OF_VEHICLE)));
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static String randomPlate() {
        String letters = "ABCDEFGHJKLMNPQRTVXYZ";
        StringBuilder p = new StringBuilder();
        p.append(letters.charAt(RANDOM.nextInt(letters.length()))).append(letters.charAt(RANDOM.nextInt(letters.length())));
        p.append('-').append(100 + RANDOM.nextInt(900)).append('-');
        p.append(letters.charAt(RANDOM.nextInt(letters.length()))).append(letters.charAt(RANDOM.nextInt(letters.length())));
        return p.toString();
    }
}
