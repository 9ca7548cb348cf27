package com.autochec.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.ProblemType;
import com.autochec.platform.security.Caller;
import com.autochec.platform.security.EndpointAuthorization;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A servlet service built on nothing but the platform: every layer answers bad input with an RFC 9457
 * problem, JWTs are checked for issuer and audience, and the caller is resolved from the token.
 */
@SpringBootTest(
        classes = ServletPlatformIntegrationTest.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.application.name=platform-test",
            "autochec.platform.web.max-json-body=1KB",
            "spring.autoconfigure.exclude=org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration,"
                    + "com.autochec.platform.kafka.KafkaPlatformAutoConfiguration"
        })
class ServletPlatformIntegrationTest {

    private static final String ISSUER = "http://keycloak.test/realms/autochec";
    private static final RSAKey KEY = key();
    private static final HttpServer JWKS = jwks();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/certs");
    }

    @AfterAll
    static void stop() {
        JWKS.stop(0);
    }

    @Test
    void anApiProblemIsAProblemBody() throws Exception {
        var response = get("/open/things/missing", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertProblem(response, "not-found");
        assertThat(response.body()).contains("\"instance\":\"/open/things/missing\"", "No thing missing");
    }

    @Test
    void validationErrorsListTheirFields() throws Exception {
        var response = post("/open/things", "{\"name\":\"\"}", "application/json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertProblem(response, "validation");
        assertThat(response.body()).contains("\"field\":\"name\"");
    }

    @Test
    void malformedJsonAndWrongMediaTypeAndUnknownPathsAreProblems() throws Exception {
        var malformed = post("/open/things", "{not json", "application/json");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertProblem(malformed, "malformed-request");
        var xml = post("/open/things", "<thing/>", "application/xml");
        assertThat(xml.statusCode()).isEqualTo(415);
        assertProblem(xml, "unsupported-media-type");
        var unknown = get("/open/nowhere", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertProblem(unknown, "not-found");
        var method = http.send(HttpRequest.newBuilder(uri("/open/things/x")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(method.statusCode()).isEqualTo(405);
        assertProblem(method, "method-not-allowed");
    }

    @Test
    void anOversizedJsonBodyIsRefusedWith413() throws Exception {
        var response = post("/open/things", "{\"name\":\"" + "x".repeat(4000) + "\"}", "application/json");
        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response, "payload-too-large");
    }

    @Test
    void protectedEndpointsNeedAValidTokenForThisAudience() throws Exception {
        var none = get("/private/me", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertProblem(none, "unauthorized");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        var otherAudience = get("/private/me", token("realm-management", "admin", null));
        assertThat(otherAudience.statusCode()).isEqualTo(401);
        assertProblem(otherAudience, "unauthorized");

        var good = get("/private/me", token("autochec-api", "agent", "POLICE"));
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.body()).contains("\"role\":\"AGENT\"", "\"organisation\":\"Police nationale\"",
                "\"organisationKind\":\"POLICE\"", "\"lawEnforcement\":true");
    }

    @Test
    void aRoleThatMayNotCallGetsA403Problem() throws Exception {
        var owner = get("/private/admin", token("autochec-api", "owner", null));
        assertThat(owner.statusCode()).isEqualTo(403);
        assertProblem(owner, "forbidden");
    }

    @Test
    void requestsRejectedBeforeAnyControllerStillGetAProblemBody() throws Exception {
        for (String path : List.of("/open/things/..%2F..%2Fprivate%2Fadmin", "/open/things/%2e%2e/x", "/open;x=1/things/a")) {
            String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).contains("application/problem+json", "https://autochec.dev/problems/");
        }
        String badRequestLine = raw("GET /open/things/a b c HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(badRequestLine).startsWith("HTTP/1.1 400");
        assertThat(badRequestLine).contains("application/problem+json", "https://autochec.dev/problems/malformed-request");
    }

    @Test
    void anUnavailableDependencyIsA503ProblemNotA500() throws Exception {
        var response = get("/open/outage", null);
        assertThat(response.statusCode()).isEqualTo(503);
        assertProblem(response, "unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).doesNotContain("database unavailable");
    }

    @Test
    void everyResponseCarriesATraceId() throws Exception {
        var response = get("/open/things/missing", null);
        assertThat(response.headers().firstValue("X-Trace-Id")).hasValueSatisfying(v -> assertThat(v).hasSize(32));
        var traced = http.send(HttpRequest.newBuilder(uri("/open/things/missing"))
                        .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(traced.headers().firstValue("X-Trace-Id")).hasValue("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    private static void assertProblem(HttpResponse<String> response, String slug) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"https://autochec.dev/problems/" + slug + "\"");
        assertThat(response.body()).contains("\"status\":" + response.statusCode());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String contentType) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            StringBuilder response = new StringBuilder();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                response.append(line).append('\n');
            }
            return response.toString();
        }
    }

    private static String token(String audience, String role, String organisationKind) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject("user-" + role)
                .claim("preferred_username", role)
                .claim("roles", List.of(role))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        if (organisationKind != null) {
            claims.claim("organisation", "Police nationale").claim("organisation_kind", organisationKind);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(KEY));
        return jwt.serialize();
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("k1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer jwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SpringBootApplication
    static class App {

        @Bean
        EndpointAuthorization rules() {
            return auth -> auth.requestMatchers("/open/**").permitAll()
                    .requestMatchers(HttpMethod.GET, "/private/admin").hasRole("admin");
        }

        @RestController
        static class Things {

            record NewThing(@NotBlank String name) {}

            @GetMapping("/open/things/{id}")
            Map<String, String> thing(@PathVariable String id) {
                throw new ApiProblem(ProblemType.NOT_FOUND, "No thing " + id + ".");
            }

            @PostMapping("/open/things")
            Map<String, String> create(@Valid @RequestBody NewThing thing) {
                return Map.of("name", thing.name());
            }

            @GetMapping("/private/me")
            Map<String, Object> me(Caller caller) {
                return Map.of(
                        "role", caller.role().name(),
                        "organisation", caller.organisation(),
                        "organisationKind", caller.organisationKind(),
                        "lawEnforcement", caller.isLawEnforcement());
            }

            @GetMapping("/open/outage")
            Map<String, String> outage() {
                throw new org.springframework.dao.DataAccessResourceFailureException("database unavailable");
            }

            @GetMapping("/private/admin")
            Map<String, String> admin() {
                return Map.of("ok", "yes");
            }
        }
    }
}
