package com.autochec.auth.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** auth-service settings ({@code autochec.auth.*}). */
@ConfigurationProperties("autochec.auth")
public record AuthProperties(
        @DefaultValue("Police nationale (démo)") String demoOrganisation, @DefaultValue Keycloak keycloak) {

    /**
     * Keycloak's admin API, reached with the confidential client's service account: time-outs per call,
     * attempts of an idempotent call, and the circuit breaker (opens when half of the last
     * {@code breakerWindow} calls failed, stays open {@code breakerOpenFor}).
     */
    public record Keycloak(
            @DefaultValue("http://localhost:8180") String url,
            @DefaultValue("autochec") String realm,
            @DefaultValue("autochec-admin") String clientId,
            @DefaultValue("") String clientSecret,
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("5s") Duration readTimeout,
            @DefaultValue("3") int retryAttempts,
            @DefaultValue("200ms") Duration retryWait,
            @DefaultValue("4") int breakerWindow,
            @DefaultValue("15s") Duration breakerOpenFor) {}
}
