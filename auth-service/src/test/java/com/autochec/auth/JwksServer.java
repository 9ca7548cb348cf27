package com.autochec.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
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
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A stand-in for Keycloak's key endpoint: serves the public key of a fresh RSA key on a free port and
 * signs real tokens with it, so the service's own JWT decoder (issuer, audience, signature) is tested.
 */
@TestConfiguration(proxyBeanMethods = false)
public class JwksServer {

    public static final String ISSUER = "http://keycloak.test/realms/autochec";

    @Bean(destroyMethod = "close")
    Tokens tokens() throws JOSEException, IOException {
        return new Tokens(new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate());
    }

    @Bean
    DynamicPropertyRegistrar jwksProperties(Tokens tokens) {
        return registry -> {
            registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens::jwkSetUri);
            registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        };
    }

    /** Signs tokens as Keycloak does for the Autochec realm, with the given audience. */
    public static final class Tokens implements AutoCloseable {

        private final RSAKey key;
        private final HttpServer server;

        Tokens(RSAKey key) throws IOException {
            this.key = key;
            byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        String jwkSetUri() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
        }

        public String token(String subject, String audience, String... roles) {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(ISSUER)
                    .subject(subject)
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(300)))
                    .claim("preferred_username", subject)
                    .claim("roles", List.of(roles));
            if (audience != null) {
                claims.audience(audience);
            }
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    claims.build());
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
