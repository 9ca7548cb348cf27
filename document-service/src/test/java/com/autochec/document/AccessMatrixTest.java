package com.autochec.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.autochec.document.notification.Notification;
import com.autochec.document.ownership.VehicleOwner;
import com.autochec.document.testing.TestFiles;
import com.autochec.document.web.TestJwts;
import com.autochec.localstack.testing.AccessMatrix;
import com.autochec.localstack.testing.AccessMatrix.Caller;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * {@code docs/access-matrix.md}, section document-service, is what the running service does: every {@code /api}
 * endpoint it maps is in the matrix (and every row is still served), and each endpoint called by the five callers
 * answers the status the matrix writes. Each call gets fresh data: a vehicle of the owner in the ownership
 * projection, a pending document with its file uploaded by the owner, and an in-app notification of the owner;
 * "other owner" acts on them (BOLA).
 */
@SpringBootTest(properties = {
    "autochec.platform.outbox.sweep-interval=PT0.3S",
    "autochec.platform.object-store.directory=target/test-objects",
    AccessMatrixTest.OWN_CONTEXT
})
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class AccessMatrixTest {

    /**
     * A context (and embedded MongoDB and Kafka) of its own: the data this test creates for the demo owner must not
     * show up in the other integration tests, which would otherwise share the cached context.
     */
    static final String OWN_CONTEXT = "autochec.test.context=access-matrix";

    static final String SERVICE = "document-service";
    static final String OTHER_OWNER = "00000000-0000-4000-8000-0000000000ff";
    static final Random RANDOM = new Random();

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @MockitoBean
    JwtDecoder jwtDecoder;

    /** The data one call acts on. */
    record Fixture(String vehicleId, String vin, String plate, String documentId, String notificationId) {}

    static final Map<String, Function<Fixture, AbstractMockHttpServletRequestBuilder<?>>> REQUESTS = Map.ofEntries(
            Map.entry("POST /api/documents", f -> multipart("/api/documents")
                    .file(png())
                    .param("type", "INSURANCE")
                    .param("vehicleId", f.vehicleId())
                    .param("purpose", "INSURANCE_CLAIM")),
            Map.entry("GET /api/documents", f -> get("/api/documents").param("vin", f.vin()).param("purpose", "ROADSIDE_CONTROL")),
            Map.entry("GET /api/documents/{id}", f -> get("/api/documents/" + f.documentId()).param("purpose", "ROADSIDE_CONTROL")),
            Map.entry("GET /api/documents/{id}/file", f -> get("/api/documents/" + f.documentId() + "/file")
                    .param("purpose", "ROADSIDE_CONTROL")),
            Map.entry("POST /api/documents/{id}/validate", f -> json(post("/api/documents/" + f.documentId() + "/validate"),
                    "{\"validFrom\":\"2025-01-01\",\"validUntil\":\"2025-12-31\",\"reason\":\"attestation lisible\"}")),
            Map.entry("POST /api/documents/{id}/reject", f -> json(post("/api/documents/" + f.documentId() + "/reject"),
                    "{\"reason\":\"illisible\"}")),
            Map.entry("POST /api/documents/import", f -> post("/api/documents/import").contentType("text/csv")
                    .content("document_id,vin,plate,type,issuer,reference,valid_from,valid_until,result,status\n"
                            + "am-" + UUID.randomUUID() + "," + f.vin() + "," + f.plate()
                            + ",INSURANCE,MAIF,POL-1,2025-01-01,2025-12-31,,VALIDATED\n")),
            Map.entry("POST /api/notifications/expiry-scan", f -> post("/api/notifications/expiry-scan")),
            Map.entry("GET /api/me/notifications", f -> get("/api/me/notifications")),
            Map.entry("POST /api/me/notifications/{id}/read", f -> post("/api/me/notifications/" + f.notificationId() + "/read")),
            Map.entry("GET /api/me/notification-preferences", f -> get("/api/me/notification-preferences")),
            Map.entry("PUT /api/me/notification-preferences", f -> json(put("/api/me/notification-preferences"),
                    "{\"inApp\":true,\"email\":false}")));

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
    void anotherOwnerSeesNoneOfTheOwnersDocumentsOrNotifications() throws Exception {
        Fixture f = fixture();
        String mine = mvc.perform(get("/api/documents").with(TestJwts.owner())).andReturn().getResponse()
                .getContentAsString();
        String theirs = mvc.perform(get("/api/documents").with(token(Caller.OTHER_OWNER))).andReturn().getResponse()
                .getContentAsString();
        assertThat(mine).contains(f.documentId());
        assertThat(theirs).doesNotContain(f.documentId());
        String notifications = mvc.perform(get("/api/me/notifications").with(token(Caller.OTHER_OWNER))).andReturn()
                .getResponse().getContentAsString();
        assertThat(notifications).doesNotContain(f.notificationId());
    }

    @Test
    void agentsStateAKnownPurposeOnEveryRead() throws Exception {
        Fixture f = fixture();
        for (String path : List.of("/api/documents?vin=" + f.vin(), "/api/documents/" + f.documentId(),
                "/api/documents/" + f.documentId() + "/file")) {
            assertThat(mvc.perform(get(path).with(TestJwts.agent())).andReturn().getResponse().getStatus())
                    .as(path + " without purpose").isEqualTo(400);
            assertThat(mvc.perform(get(path).param("purpose", "CURIOSITY").with(TestJwts.agent())).andReturn()
                    .getResponse().getStatus()).as(path + " with an unknown purpose").isEqualTo(400);
            assertThat(mvc.perform(get(path).param("purpose", "CURIOSITY").with(TestJwts.admin())).andReturn()
                    .getResponse().getStatus()).as(path + " admin, unknown purpose").isEqualTo(400);
        }
        assertThat(mvc.perform(get("/api/documents/" + f.documentId()).with(TestJwts.owner())).andReturn()
                .getResponse().getStatus()).as("owners state no purpose").isEqualTo(200);
    }

    @Test
    void onlyAdminsSeeWhoUploaded() throws Exception {
        Fixture f = fixture();
        String asAgent = mvc.perform(get("/api/documents/" + f.documentId()).param("purpose", "ROADSIDE_CONTROL")
                        .with(TestJwts.agent()))
                .andReturn().getResponse().getContentAsString();
        String asAdmin = mvc.perform(get("/api/documents/" + f.documentId()).param("purpose", "ROADSIDE_CONTROL")
                        .with(TestJwts.admin()))
                .andReturn().getResponse().getContentAsString();
        String asOwner = mvc.perform(get("/api/documents/" + f.documentId()).with(TestJwts.owner()))
                .andReturn().getResponse().getContentAsString();
        assertThat(asAgent).doesNotContain(TestJwts.OWNER_ID);
        assertThat((String) JsonPath.read(asAdmin, "$.uploadedBy")).isEqualTo(TestJwts.OWNER_ID);
        assertThat((String) JsonPath.read(asOwner, "$.uploadedBy")).isEqualTo(TestJwts.OWNER_ID);
    }

    /** Every {@code /api/**} mapping as {@code METHOD /path} (+ {@code ?name=} for required parameters). */
    Set<String> served() {
        return AccessMatrix.served(mappings, p -> p.startsWith("/api/"));
    }

    static RequestPostProcessor token(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case AGENT -> TestJwts.agent();
            case OWNER_OF_VEHICLE -> TestJwts.owner();
            case OTHER_OWNER -> jwt().jwt(j -> j.subject(OTHER_OWNER)
                            .claim("preferred_username", "owner2")
                            .claim("roles", List.of("owner")))
                    .authorities(new SimpleGrantedAuthority("ROLE_owner"));
            case ADMIN -> TestJwts.admin();
        };
    }

    /** A vehicle of the owner, a pending document with its file uploaded by the owner, a notification of the owner. */
    Fixture fixture() throws Exception {
        String vehicleId = "am-" + UUID.randomUUID();
        String vin = randomVin();
        String plate = randomPlate();
        mongo.insert(new VehicleOwner(vehicleId, vin, plate, TestJwts.OWNER_ID, 1, false, "Odile Martin", "PERSON",
                LocalDate.of(2020, 5, 1)));
        MvcResult uploaded = mvc.perform(multipart("/api/documents")
                        .file(png())
                        .param("type", "INSURANCE")
                        .param("vehicleId", vehicleId)
                        .with(TestJwts.owner()))
                .andReturn();
        assertThat(uploaded.getResponse().getStatus()).as(uploaded.getResponse().getContentAsString()).isEqualTo(201);
        String documentId = JsonPath.read(uploaded.getResponse().getContentAsString(), "$.id");
        String notificationId = "am-" + UUID.randomUUID();
        mongo.insert(new Notification(notificationId, TestJwts.OWNER_ID, Notification.DOCUMENT_DECIDED, documentId,
                plate, "Document validé", "Votre attestation est validée.", "Document validated",
                "Your certificate is validated.", Instant.now(), null));
        return new Fixture(vehicleId, vin, plate, documentId, notificationId);
    }

    static MockMultipartFile png() {
        return new MockMultipartFile("file", "cert.png", "image/png", TestFiles.png(40, 30));
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

    static String randomVin() {
        return String.format("VF1%014d", Math.floorMod(RANDOM.nextLong(), 100_000_000_000_000L));
    }
}
