package com.autochec.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway against stub services on random ports. Each test calls from its own loopback address
 * (127.0.0.x) or JWT subject, so the rate-limit buckets of one test never touch another's.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "autochec.gateway.rate-limit.anonymous.per-second=0.001",
            "autochec.gateway.rate-limit.anonymous.burst=5",
            "autochec.gateway.rate-limit.authenticated.per-second=0.001",
            "autochec.gateway.rate-limit.authenticated.burst=3",
            "autochec.gateway.web-client.keycloak-url=http://keycloak.test:8180/",
        })
class GatewayRoutingIntegrationTest {

    private static final String ISSUER = "http://keycloak.test/realms/autochec";
    private static final RSAKey SIGNING_KEY = rsaKey("good");
    private static final RSAKey FORGING_KEY = rsaKey("good"); // same kid, different key
    private static final StubService REPORT = stub("report-service");
    private static final StubService VERIFICATION = stub("verification-service");
    private static final StubService VEHICLE = stub("vehicle-service");
    private static final StubService AUDIT = stub("audit-service");
    private static final StubService AUTH = stub("auth-service");
    private static final StubService KEYCLOAK = stub("keycloak");

    static {
        String jwks = new JWKSet(SIGNING_KEY.toPublicJWK()).toString();
        KEYCLOAK.answer(exchange -> new StubService.Answer(200, "application/json", jwks));
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("REPORT_SERVICE_URL", REPORT::url);
        registry.add("VERIFICATION_SERVICE_URL", VERIFICATION::url);
        registry.add("VEHICLE_SERVICE_URL", VEHICLE::url);
        registry.add("DOCUMENT_SERVICE_URL", () -> "http://127.0.0.1:" + closedPort());
        registry.add("AUDIT_SERVICE_URL", AUDIT::url);
        registry.add("AUTH_SERVICE_URL", AUTH::url);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> KEYCLOAK.url() + "/certs");
    }

    @AfterAll
    static void stopStubs() {
        List.of(REPORT, VERIFICATION, VEHICLE, AUDIT, AUTH, KEYCLOAK).forEach(StubService::close);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void routesReportPathsToReportServiceBeforeTheChecksRoute() {
        WebTestClient client = client("127.0.0.10");
        client.get().uri("/api/checks/c-1/report").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("report-service")
                .jsonPath("$.path").isEqualTo("/api/checks/c-1/report");
        client.get().uri("/api/reports/r-1/verify").exchange()
                .expectBody().jsonPath("$.service").isEqualTo("report-service");
        client.get().uri("/verify/r-1").exchange()
                .expectBody().jsonPath("$.service").isEqualTo("report-service")
                .jsonPath("$.path").isEqualTo("/verify/r-1");
        client.get().uri("/api/checks/c-1").exchange()
                .expectBody().jsonPath("$.service").isEqualTo("verification-service");
        client.post().uri("/api/checks").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"plate\":\"AB-123-CD\"}")
                .exchange()
                .expectBody().jsonPath("$.service").isEqualTo("verification-service")
                .jsonPath("$.method").isEqualTo("POST");
    }

    @Test
    void routesWebhooksToReportService() {
        WebTestClient client = client("127.0.0.41");
        client.get().uri("/api/webhooks").exchange()
                .expectBody().jsonPath("$.service").isEqualTo("report-service")
                .jsonPath("$.path").isEqualTo("/api/webhooks");
        client.get().uri("/api/webhooks/w-1/deliveries").exchange()
                .expectBody().jsonPath("$.service").isEqualTo("report-service")
                .jsonPath("$.path").isEqualTo("/api/webhooks/w-1/deliveries");
    }

    @Test
    void routedAnswersCarryTheSecurityHeadersWithTheConfiguredKeycloakOrigin() {
        WebTestClient client = client("127.0.0.40");
        var api = client.get().uri("/api/checks/c-9").exchange().expectStatus().isOk().returnResult(byte[].class)
                .getResponseHeaders();
        assertThat(api.getFirst("Content-Security-Policy"))
                .contains("default-src 'self'", "connect-src 'self' http://keycloak.test:8180;", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(api.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(api.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(api.getFirst("Permissions-Policy")).isEqualTo("camera=(self), geolocation=(self)");
        // report-service's verification page keeps its inline stylesheet, still without inline scripts
        var verify = client.get().uri("/verify/r-9").exchange().returnResult(byte[].class).getResponseHeaders();
        assertThat(verify.getFirst("Content-Security-Policy"))
                .contains("style-src 'self' 'unsafe-inline'", "script-src 'self';", "frame-ancestors 'none'");
    }

    @Test
    void routesEveryServicePrefix() {
        WebTestClient client = client("127.0.0.11");
        client.get().uri("/api/vehicles/v-1").exchange().expectBody().jsonPath("$.service").isEqualTo("vehicle-service");
        client.get().uri("/api/proposals").exchange().expectBody().jsonPath("$.service").isEqualTo("vehicle-service");
        client.get().uri("/api/statistics/daily").exchange().expectBody().jsonPath("$.service").isEqualTo("audit-service");
        client.get().uri("/api/me").exchange().expectBody().jsonPath("$.service").isEqualTo("auth-service");
        client.get().uri("/api/organisations").exchange().expectBody().jsonPath("$.service").isEqualTo("auth-service");
    }

    @Test
    void routesTheCallersNotificationsToDocumentService() {
        // (document-service is down in this test: its fallback problem names it)
        WebTestClient client = client("127.0.0.31");
        client.get().uri("/api/me/notifications").exchange().expectBody().jsonPath("$.service").isEqualTo("document-service");
        client.get().uri("/api/me/notification-preferences").exchange()
                .expectBody().jsonPath("$.service").isEqualTo("document-service");
    }

    @Test
    void forwardsAValidBearerTokenUnchanged() {
        String token = token(SIGNING_KEY, "forwarding-user", Instant.now().plusSeconds(300));
        client("127.0.0.12").get().uri("/api/checks/c-2")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.authorization").isEqualTo("Bearer " + token);
    }

    @Test
    void anonymousRequestsPassThroughWithoutAuthorization() {
        client("127.0.0.13").get().uri("/api/checks/c-3").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.authorization").doesNotExist();
    }

    @Test
    void rejectsInvalidForgedAndExpiredTokensWithAProblemAtTheEdge() {
        WebTestClient client = client("127.0.0.14");
        String forged = token(FORGING_KEY, "mallory", Instant.now().plusSeconds(300));
        String expired = token(SIGNING_KEY, "late-user", Instant.now().minusSeconds(600));
        // a genuine token issued to another client (e.g. a client-credentials token of autochec-admin)
        String otherAudience = token(SIGNING_KEY, "service-account", Instant.now().plusSeconds(300), "realm-management");
        for (String token : List.of("not-a-jwt", forged, expired, otherAudience)) {
            client.get().uri("/api/checks/never-forwarded")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("https://autochec.dev/problems/unauthorized")
                    .jsonPath("$.status").isEqualTo(401)
                    .jsonPath("$.detail").isNotEmpty();
        }
        assertThat(VERIFICATION.received()).noneMatch(r -> r.path().equals("/api/checks/never-forwarded"));
    }

    @Test
    void keepsStatusAndProblemBodyOfTheService() {
        String problem = "{\"type\":\"https://autochec.dev/problems/not-found\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"No vehicle with plate ZZ-999-ZZ.\"}";
        VEHICLE.answer(exchange -> exchange.getRequestURI().getPath().equals("/api/vehicles/missing")
                ? new StubService.Answer(404, "application/problem+json", problem)
                : null);
        client("127.0.0.15").get().uri("/api/vehicles/missing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().json(problem, org.springframework.test.json.JsonCompareMode.STRICT);
    }

    @Test
    void answers503ProblemWhenAServiceIsDown() {
        client("127.0.0.16").get().uri("/api/documents/d-1").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://autochec.dev/problems/unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.service").isEqualTo("document-service")
                .jsonPath("$.instance").isEqualTo("/api/documents/d-1");
    }

    @Test
    void limitsAnonymousCallersPerClientIp() {
        WebTestClient limited = client("127.0.0.17");
        for (int i = 0; i < 5; i++) {
            limited.get().uri("/api/checks/c-4").exchange().expectStatus().isOk();
        }
        limited.get().uri("/api/checks/c-4").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://autochec.dev/problems/rate-limited")
                .jsonPath("$.status").isEqualTo(429);
        client("127.0.0.18").get().uri("/api/checks/c-4").exchange().expectStatus().isOk();
    }

    @Test
    void limitsAuthenticatedCallersPerSubjectNotPerIp() {
        WebTestClient client = client("127.0.0.19");
        String busy = token(SIGNING_KEY, "busy-agent", Instant.now().plusSeconds(300));
        String other = token(SIGNING_KEY, "other-agent", Instant.now().plusSeconds(300));
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/checks/c-5").header(HttpHeaders.AUTHORIZATION, "Bearer " + busy)
                    .exchange().expectStatus().isOk();
        }
        client.get().uri("/api/checks/c-5").header(HttpHeaders.AUTHORIZATION, "Bearer " + busy)
                .exchange().expectStatus().isEqualTo(429);
        client.get().uri("/api/checks/c-5").header(HttpHeaders.AUTHORIZATION, "Bearer " + other)
                .exchange().expectStatus().isOk();
    }

    @Test
    void streamsATenMegabytePhotoUploadToTheService() {
        byte[] photo = new byte[10 * 1024 * 1024];
        MultipartBodyBuilder multipart = new MultipartBodyBuilder();
        multipart.part("photo", new ByteArrayResource(photo) {
            @Override
            public String getFilename() {
                return "plate.jpg";
            }
        }).contentType(MediaType.IMAGE_JPEG);
        client("127.0.0.20").post().uri("/api/checks")
                .body(BodyInserters.fromMultipartData(multipart.build()))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("verification-service")
                .jsonPath("$.contentType").value(String.class, ct -> assertThat(ct).startsWith("multipart/form-data"))
                .jsonPath("$.bodyBytes").value(Integer.class, n -> assertThat(n).isGreaterThan(photo.length));
    }

    @Test
    void unknownApiPathIsANotFoundProblem() {
        client("127.0.0.21").get().uri("/api/nothing-here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://autochec.dev/problems/not-found");
    }

    @Test
    void servesTheWebClientAndItsConfig() {
        WebTestClient client = client("127.0.0.22");
        client.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html).contains("Autochec", "/js/app.js"));
        client.get().uri("/js/auth.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(js -> assertThat(js).contains("code_challenge_method", "S256"));
        client.get().uri("/config.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.keycloakUrl").isEqualTo("http://keycloak.test:8180")
                .jsonPath("$.clientId").isEqualTo("autochec-web")
                .jsonPath("$.issuer").isEqualTo("http://keycloak.test:8180/realms/autochec")
                .jsonPath("$.vinPhoto").isEqualTo(true);
    }

    @Test
    void answersCorsPreflightForTheWebOriginOnly() {
        WebTestClient client = client("127.0.0.23");
        client.options().uri("/api/checks")
                .header(HttpHeaders.ORIGIN, "http://localhost:8080")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:8080");
        client.options().uri("/api/checks")
                .header(HttpHeaders.ORIGIN, "http://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void exposesHealthProbesAndPrometheusMetrics() {
        WebTestClient client = client("127.0.0.24");
        client.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text).contains("application=\"gateway-service\""));
    }

    @Test
    void mergesEveryServicesApiDocsIntoOneDocument() {
        String vehicleDocs = "{\"openapi\":\"3.1.0\",\"paths\":{\"/api/vehicles\":{\"get\":{\"responses\":{\"200\":"
                + "{\"description\":\"ok\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/View\"}}}}}}}},"
                + "\"components\":{\"schemas\":{\"View\":{\"type\":\"object\",\"properties\":{\"plate\":{\"type\":\"string\"}}}},"
                + "\"securitySchemes\":{\"bearer-jwt\":{\"type\":\"http\",\"scheme\":\"bearer\"}}}}";
        String auditDocs = "{\"openapi\":\"3.1.0\",\"paths\":{\"/api/audit\":{\"get\":{\"responses\":{\"200\":"
                + "{\"description\":\"ok\",\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/View\"}}}}}}}},"
                + "\"components\":{\"schemas\":{\"View\":{\"type\":\"object\",\"properties\":{\"entries\":{\"type\":\"array\"}}}}}}";
        VEHICLE.answer(exchange -> exchange.getRequestURI().getPath().equals("/v3/api-docs")
                ? new StubService.Answer(200, "application/json", vehicleDocs) : null);
        AUDIT.answer(exchange -> exchange.getRequestURI().getPath().equals("/v3/api-docs")
                ? new StubService.Answer(200, "application/json", auditDocs) : null);
        try {
            client("127.0.0.25").get().uri("/v3/api-docs").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.paths['/api/vehicles'].get").exists()
                    .jsonPath("$.paths['/api/audit'].get").exists()
                    .jsonPath("$.paths['/api/audit'].get.responses['200'].content['application/json'].schema['$ref']")
                    .isEqualTo("#/components/schemas/audit-service.View")
                    .jsonPath("$.components.schemas.View.properties.plate").exists()
                    .jsonPath("$.components.schemas['audit-service.View'].properties.entries").exists()
                    .jsonPath("$.components.securitySchemes.bearer-jwt.scheme").isEqualTo("bearer")
                    .jsonPath("$.servers[0].url").isEqualTo("/")
                    .jsonPath("$.components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl")
                    .isEqualTo("http://keycloak.test:8180/realms/autochec/protocol/openid-connect/auth");
            client("127.0.0.25").get().uri("/swagger-ui.html").exchange()
                    .expectStatus().is3xxRedirection();
        } finally {
            VEHICLE.answer(exchange -> null);
            AUDIT.answer(exchange -> null);
        }
    }

    @Test
    void rejectsTraversalAndEncodedSlashesWithAProblemBeforeRouting() {
        WebTestClient client = client("127.0.0.26");
        for (String path : List.of("/api/vehicles/..%2F..%2Factuator%2Fenv", "/api/vehicles/%2e%2e/actuator/env",
                "/api/vehicles;jsessionid=1")) {
            client.get().uri(java.net.URI.create("http://127.0.0.1:" + port + path)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://autochec.dev/problems/malformed-request");
        }
        assertThat(VEHICLE.received()).noneMatch(r -> r.path().contains("actuator"));
    }

    private WebTestClient client(String localAddress) {
        HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(localAddress, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(30))
                .build();
    }

    private static String token(RSAKey key, String subject, Instant expiresAt) {
        return token(key, subject, expiresAt, "autochec-api");
    }

    private static String token(RSAKey key, String subject, Instant expiresAt, String audience) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject(subject)
                .claim("preferred_username", subject)
                .claim("roles", List.of("agent"))
                .issueTime(Date.from(expiresAt.minusSeconds(900)))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StubService stub(String name) {
        try {
            return new StubService(name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
