package com.autochec.verification.check;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.platform.outbox.OutboxRelays;
import com.autochec.verification.config.SecurityConfig;
import com.autochec.verification.config.VerificationProperties;
import com.autochec.verification.readmodel.PlateRecord;
import com.autochec.verification.readmodel.ReadModel;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Real signed JWTs through Boot's decoder as the platform configures it: the issuer and the audience
 * ({@code autochec-api}) are checked, the roles come from the flat {@code roles} claim. The keys are
 * served by a local JWKS endpoint.
 */
@WebMvcTest(controllers = CheckController.class)
@EnableConfigurationProperties(VerificationProperties.class)
@Import({SecurityConfig.class, CheckService.class, CheckStreams.class, CheckControllerWebTest.FixedClock.class})
class JwtAudienceWebTest {

    private static final String ISSUER = "http://localhost:8180/realms/autochec";
    private static final RSAKey KEY = generateKey();
    private static final HttpServer JWKS = serveJwks(KEY);

    @DynamicPropertySource
    static void jwks(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/certs");
    }

    @AfterAll
    static void stopJwks() {
        JWKS.stop(0);
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReadModel readModel;

    @MockitoBean
    com.autochec.verification.fraud.Sightings sightings;

    @MockitoBean
    CheckRepository repository;

    @MockitoBean
    OutboxRelays relays;

    @MockitoBean
    CompletedCheckOutbox outbox;

    @MockitoBean
    FraudSignalOutbox signalOutbox;

    @BeforeEach
    void vehicle() {
        given(readModel.byPlate("AB-123-CD")).willReturn(Optional.of(
                new PlateRecord("AB-123-CD", 1, CheckControllerWebTest.VEHICLE, List.of(), Instant.now())));
    }

    private static String token(String issuer, String audience) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject("agent-sub")
                .claim("preferred_username", "agent")
                .claim("roles", List.of("agent"))
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(KEY));
        return jwt.serialize();
    }

    @Test
    void aTokenForTheAutochecApiIsAcceptedWithItsRole() throws Exception {
        mvc.perform(post("/api/checks")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(ISSUER, "autochec-api"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"AB-123-CD\",\"purpose\":\"ROADSIDE_CONTROL\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vehicle.vin").value("VF1RFB00012345678")); // the agent's view
    }

    @Test
    void aTokenForAnotherAudienceIsA401Problem() throws Exception {
        mvc.perform(post("/api/checks")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(ISSUER, "another-api"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"AB-123-CD\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unauthorized"));
        verifyNoInteractions(readModel);
    }

    @Test
    void aTokenFromAnotherIssuerIsA401Problem() throws Exception {
        mvc.perform(post("/api/checks")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("http://evil.example/realms/autochec", "autochec-api"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"AB-123-CD\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unauthorized"));
        verifyNoInteractions(readModel);
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serveJwks(RSAKey key) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
