package com.autochec.gateway.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The gateway's own settings ({@code autochec.gateway.*}); routes live under {@code spring.cloud.gateway.server.webflux}. */
@ConfigurationProperties("autochec.gateway")
public record GatewayProperties(
        @DefaultValue("21MB") DataSize maxRequestSize,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue Cors cors,
        @DefaultValue WebClient webClient,
        @DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> managementNetworks) {

    /**
     * Token buckets: anonymous callers per client IP, authenticated callers per JWT subject.
     * A {@code perSecond} of 0 or less means unlimited.
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue Limit anonymous,
            @DefaultValue Limit authenticated,
            @DefaultValue("100000") int maxKeys) {}

    public record Limit(@DefaultValue("100") double perSecond, @DefaultValue("200") double burst) {}

    public record CircuitBreaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("5s") Duration waitDurationInOpenState) {}

    public record Cors(@DefaultValue("http://localhost:8080") List<String> allowedOrigins) {}

    /**
     * What the web client needs to log in, served as {@code /config.json}; {@code vinPhoto}: whether the agent's
     * check form offers a photo of the VIN (a {@code vinPhoto} part on {@code POST /api/checks}, read by the OCR
     * worker and compared with the registry by verification-service); on by default.
     */
    public record WebClient(
            @DefaultValue("http://localhost:8180") String keycloakUrl,
            @DefaultValue("autochec") String realm,
            @DefaultValue("autochec-web") String clientId,
            @DefaultValue("/api/checks") String photoCheckPath,
            @DefaultValue("photo") String photoField,
            @DefaultValue("true") boolean vinPhoto) {}
}
