package com.autochec.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.autochec.auth.directory.UserDirectory;
import com.autochec.auth.registry.RegistryVehicle;
import com.autochec.localstack.testing.AccessMatrix;
import com.autochec.localstack.testing.AccessMatrix.Caller;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * {@code docs/access-matrix.md}, section auth-service, is what the running service does: every {@code /api}
 * endpoint it maps is in the matrix (and every row is still served), and each endpoint called by the five callers
 * answers the status the matrix writes. Each caller holds one role only (the demo realm also gives agents and
 * admins the owner role; that adds the owner's rights, nothing else). "Owner of vehicle" is the owner who made
 * the claim; "other owner" must not see it (404). Keycloak is mocked; organisations, claims and the registry
 * projection are real (embedded MongoDB).
 */
@SpringBootTest(properties = AccessMatrixTest.OWN_CONTEXT)
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
@MockitoBean(types = UserDirectory.class)
class AccessMatrixTest {

    /**
     * A context (and embedded MongoDB and Kafka) of its own: the data this test creates for the demo owner must not
     * show up in the other integration tests, which would otherwise share the cached context.
     */
    static final String OWN_CONTEXT = "autochec.test.context=access-matrix";

    static final String SERVICE = "auth-service";
    static final String OTHER_OWNER = "00000000-0000-4000-8000-0000000000ff";
    static final Random RANDOM = new Random();

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    UserDirectory directory;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The data one call acts on: an active organisation, a pending claim by the owner on a registered plate. */
    record Fixture(String organisationId, String claimId, String freshPlate) {}

    static final Map<String, Function<Fixture, MockHttpServletRequestBuilder>> REQUESTS = Map.ofEntries(
            Map.entry("GET /api/me", f -> get("/api/me")),
            Map.entry("GET /api/organisations", f -> get("/api/organisations")),
            Map.entry("POST /api/organisations", f -> json(post("/api/organisations"),
                    "{\"name\":\"Garage " + UUID.randomUUID() + "\",\"kind\":\"GARAGE\"}")),
            Map.entry("PATCH /api/organisations/{id}", f -> json(patch("/api/organisations/" + f.organisationId()),
                    "{\"active\":false}")),
            Map.entry("POST /api/agents", f -> json(post("/api/agents"),
                    "{\"username\":\"agent-" + RANDOM.nextInt(1_000_000) + "\",\"email\":\"a@example.org\","
                            + "\"firstName\":\"Ana\",\"lastName\":\"Gent\",\"organisationId\":\"" + f.organisationId()
                            + "\",\"temporaryPassword\":\"Temp-pass-123\"}")),
            Map.entry("POST /api/agents/{username}/disable", f -> post("/api/agents/agent-x/disable")),
            Map.entry("GET /api/accounts/users", f -> get("/api/accounts/users").param("role", "agent")),
            Map.entry("POST /api/accounts/users/{username}/disable", f -> post("/api/accounts/users/agent-x/disable")),
            Map.entry("POST /api/accounts/users/{username}/enable", f -> post("/api/accounts/users/agent-x/enable")),
            Map.entry("POST /api/accounts/users/{username}/reset-credentials", f -> json(
                    post("/api/accounts/users/agent-x/reset-credentials"), "{\"temporaryPassword\":\"Temp-pass-123\"}")),
            Map.entry("POST /api/accounts/claims", f -> json(post("/api/accounts/claims"), claimBody(f.freshPlate()))),
            Map.entry("GET /api/accounts/claims", f -> get("/api/accounts/claims")),
            Map.entry("GET /api/accounts/claims/{id}", f -> get("/api/accounts/claims/" + f.claimId())),
            Map.entry("POST /api/accounts/claims/{id}/approve", f -> json(
                    post("/api/accounts/claims/" + f.claimId() + "/approve"), "{\"reason\":\"carte grise vue\"}")),
            Map.entry("POST /api/accounts/claims/{id}/reject", f -> json(
                    post("/api/accounts/claims/" + f.claimId() + "/reject"), "{\"reason\":\"pas de justificatif\"}")));

    @BeforeEach
    void keycloak() {
        UserDirectory.DirectoryUser agent =
                new UserDirectory.DirectoryUser("kc-x", "agent-x", "x@example.org", "Ana", "Gent", "Police", true);
        given(directory.findByUsername(anyString())).willReturn(Optional.of(agent));
        given(directory.setEnabled(anyString(), anyBoolean())).willReturn(agent);
        given(directory.listByRole(anyString(), anyInt(), anyInt())).willReturn(List.of(agent));
        given(directory.createAgent(any())).willAnswer(i -> UUID.randomUUID().toString());
    }

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
    void anotherOwnerNeverSeesTheOwnersClaims() throws Exception {
        Fixture f = fixture();
        String mine = mvc.perform(get("/api/accounts/claims").with(Roles.owner())).andReturn().getResponse()
                .getContentAsString();
        String theirs = mvc.perform(get("/api/accounts/claims").with(token(Caller.OTHER_OWNER))).andReturn()
                .getResponse().getContentAsString();
        assertThat(mine).contains(f.claimId());
        assertThat(theirs).doesNotContain(f.claimId());
    }

    /** Every {@code /api/**} mapping as {@code METHOD /path} (+ {@code ?name=} for required parameters). */
    Set<String> served() {
        return AccessMatrix.served(mappings, p -> p.startsWith("/api/"));
    }

    static RequestPostProcessor token(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case AGENT -> Roles.user(Roles.AGENT_ID, "agent", "Police nationale (démo)", "agent");
            case OWNER_OF_VEHICLE -> Roles.owner();
            case OTHER_OWNER -> Roles.user(OTHER_OWNER, "owner2", null, "owner");
            case ADMIN -> Roles.user(Roles.ADMIN_ID, "admin", null, "admin");
        };
    }

    /** An active organisation, and a pending claim of the owner on a vehicle in the registry projection. */
    Fixture fixture() throws Exception {
        MvcResult org = mvc.perform(json(post("/api/organisations"),
                        "{\"name\":\"Police " + UUID.randomUUID() + "\",\"kind\":\"POLICE\"}")
                        .with(token(Caller.ADMIN)))
                .andReturn();
        assertThat(org.getResponse().getStatus()).as(org.getResponse().getContentAsString()).isEqualTo(201);
        String plate = registered();
        MvcResult claim = mvc.perform(json(post("/api/accounts/claims"), claimBody(plate)).with(Roles.owner()))
                .andReturn();
        assertThat(claim.getResponse().getStatus()).as(claim.getResponse().getContentAsString()).isEqualTo(201);
        return new Fixture(JsonPath.read(org.getResponse().getContentAsString(), "$.id"),
                JsonPath.read(claim.getResponse().getContentAsString(), "$.id"), registered());
    }

    /** A vehicle of the registry projection, linked to no account. */
    String registered() {
        String plate = randomPlate();
        mongo.insert(new RegistryVehicle(UUID.randomUUID().toString(), plate, "VF1AAAAAAAA000000", null, 1));
        return plate;
    }

    /** Matches the VIN's last four but not the certificate: the claim stays PENDING for an admin. */
    static String claimBody(String plate) {
        return "{\"plate\":\"" + plate + "\",\"vinLast4\":\"0000\",\"certificateNumber\":\"2021AB12345\"}";
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
