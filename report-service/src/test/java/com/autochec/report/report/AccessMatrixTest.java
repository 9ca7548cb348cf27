package com.autochec.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.autochec.localstack.testing.AccessMatrix;
import com.autochec.localstack.testing.AccessMatrix.Caller;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.autochec.platform.objectstore.ObjectStore;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * {@code docs/access-matrix.md}, section report-service, is what the running service does: every {@code /api} and
 * public {@code /verify} endpoint it maps is in the matrix (and every row is still served), and each endpoint
 * called by the five callers answers the status the matrix writes. Each call gets a fresh report of a check the
 * vehicle's owner made of their own vehicle (its PDF in the object store) and an open share link of it; the other
 * callers act on that report (BOLA).
 */
@SpringBootTest(properties = AccessMatrixTest.OWN_CONTEXT)
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class AccessMatrixTest {

    /**
     * A context (and embedded MongoDB and Kafka) of its own: the data this test creates for the demo owner must not
     * show up in the other integration tests, which would otherwise share the cached context.
     */
    static final String OWN_CONTEXT = "autochec.test.context=access-matrix";

    static final String SERVICE = "report-service";
    static final String OWNER_ID = "00000000-0000-4000-8000-000000000003";
    static final String OTHER_OWNER = "00000000-0000-4000-8000-0000000000ff";
    static final String AGENT_ID = "00000000-0000-4000-8000-000000000002";
    static final String ADMIN_ID = "00000000-0000-4000-8000-000000000001";
    static final byte[] PDF = pdf();

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ObjectStore objects;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** The data one call acts on. */
    record Fixture(String reportId, String checkId, String shareToken, String webhookId) {}

    static final Map<String, Function<Fixture, AbstractMockHttpServletRequestBuilder<?>>> REQUESTS = Map.ofEntries(
            Map.entry("GET /api/checks/{checkId}/report", f -> get("/api/checks/" + f.checkId() + "/report")),
            Map.entry("GET /api/reports/{reportId}/verification", f -> get("/api/reports/" + f.reportId() + "/verification")
                    .accept(MediaType.APPLICATION_JSON)),
            Map.entry("POST /api/reports/verify", f -> multipart("/api/reports/verify")
                    .file(new MockMultipartFile("file", "rapport.pdf", "application/pdf", PDF))
                    .accept(MediaType.APPLICATION_JSON)),
            Map.entry("POST /api/reports/{reportId}/shares", f -> post("/api/reports/" + f.reportId() + "/shares")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"days\":7}")),
            Map.entry("GET /api/reports/{reportId}/shares", f -> get("/api/reports/" + f.reportId() + "/shares")),
            Map.entry("DELETE /api/reports/{reportId}/shares/{token}", f -> delete(
                    "/api/reports/" + f.reportId() + "/shares/" + f.shareToken())),
            Map.entry("GET /verify/{reportId}", f -> get("/verify/" + f.reportId()).accept(MediaType.APPLICATION_JSON)),
            Map.entry("GET /verify/shared/{token}", f -> get("/verify/shared/" + f.shareToken())
                    .accept(MediaType.APPLICATION_JSON)),
            Map.entry("GET /verify/shared/{token}/pdf", f -> get("/verify/shared/" + f.shareToken() + "/pdf")),
            Map.entry("POST /api/webhooks", f -> post("/api/webhooks").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"organisation\":\"Police nationale (démo)\",\"url\":\"https://93.184.216.34/hook\","
                            + "\"events\":[\"CHECK_FAILED\"]}")),
            Map.entry("GET /api/webhooks", f -> get("/api/webhooks")),
            Map.entry("DELETE /api/webhooks/{id}", f -> delete("/api/webhooks/" + f.webhookId())),
            Map.entry("POST /api/webhooks/{id}/rotate-secret", f -> post("/api/webhooks/" + f.webhookId() + "/rotate-secret")),
            Map.entry("GET /api/webhooks/{id}/deliveries", f -> get("/api/webhooks/" + f.webhookId() + "/deliveries")));

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
    void publicViewsCarryNoPersonData() throws Exception {
        Fixture f = fixture();
        for (String path : List.of("/verify/" + f.reportId(), "/verify/shared/" + f.shareToken(),
                "/api/reports/" + f.reportId() + "/verification")) {
            String body = mvc.perform(get(path).accept(MediaType.APPLICATION_JSON)).andReturn().getResponse()
                    .getContentAsString();
            assertThat(body).as(path).doesNotContain(OWNER_ID).doesNotContain("owner").doesNotContain("Police");
        }
    }

    /** Every {@code /api/**} and {@code /verify/**} mapping as {@code METHOD /path} (+ {@code ?name=} for required parameters). */
    Set<String> served() {
        return AccessMatrix.served(mappings, p -> p.startsWith("/api/") || p.startsWith("/verify"));
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
                    j.subject(subject).claim("preferred_username", role).claim("roles", List.of(role));
                    if (role.equals("agent")) j.claim("organisation", "Police nationale (démo)");
                })
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    /** A report of the owner's check of their own vehicle, its PDF stored, and an open share link of it. */
    Fixture fixture() {
        String reportId = UUID.randomUUID().toString();
        String checkId = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        objects.put(Report.pdfKey(reportId), PDF, "application/pdf");
        mongo.insert(new Report(reportId, checkId, "AB-123-CD", "OK", OWNER_ID, "owner", null, now, now,
                ReportContent.sha256(PDF), "c0ffee", Report.pdfKey(reportId), PDF.length, OWNER_ID, null, null));
        String token = UUID.randomUUID().toString().replace("-", "");
        mongo.insert(new ReportShare(token, reportId, OWNER_ID, now, now.plus(7, ChronoUnit.DAYS), null));
        String webhookId = UUID.randomUUID().toString();
        mongo.getCollection("webhook_endpoints").insertOne(new org.bson.Document("_id", webhookId)
                .append("organisation", "Police nationale (démo)").append("organisationKey", "police nationale (démo)")
                .append("url", "https://93.184.216.34/hook").append("events", List.of("CHECK_FAILED"))
                .append("secret", "whsec_test").append("active", true).append("createdAt", java.util.Date.from(now)));
        return new Fixture(reportId, checkId, token, webhookId);
    }

    /** A one-page PDF, unsigned (the verification endpoint says so; it is still a readable PDF). */
    static byte[] pdf() {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
