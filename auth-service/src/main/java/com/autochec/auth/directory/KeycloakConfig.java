package com.autochec.auth.directory;

import com.autochec.auth.config.AuthProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keycloak admin client with client-credentials (its token is fetched on first use, not at startup), with
 * connect and read time-outs, behind a retry (idempotent calls only) and a circuit breaker.
 */
@Configuration(proxyBeanMethods = false)
public class KeycloakConfig {

    @Bean(destroyMethod = "close")
    public Keycloak keycloakAdmin(AuthProperties properties) {
        AuthProperties.Keycloak kc = properties.keycloak();
        // Our own client (for the time-outs) must register the admin client's JacksonProvider, as the default client
        // does: it leaves null fields out. Without it RESTEasy's plain Jackson provider sends every field, e.g.
        // "federationLink": null in a credential, which Keycloak 26.0 does not know and refuses with a 400.
        ResteasyClientBuilder http = (ResteasyClientBuilder) ResteasyClientBuilder.newBuilder()
                .connectTimeout(kc.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(kc.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(JacksonProvider.class, 100);
        return KeycloakBuilder.builder()
                .serverUrl(kc.url())
                .realm(kc.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(kc.clientId())
                .clientSecret(kc.clientSecret())
                .resteasyClient(http.connectionPoolSize(10).build())
                .build();
    }

    @Bean
    UserDirectory userDirectory(Keycloak keycloak, AuthProperties properties) {
        return resilient(new KeycloakDirectory(keycloak, properties.keycloak().realm()), properties.keycloak());
    }

    /** The breaker and retry around a directory, as configured ({@code autochec.auth.keycloak.*}). */
    static ResilientDirectory resilient(UserDirectory directory, AuthProperties.Keycloak kc) {
        CircuitBreaker breaker = CircuitBreaker.of("keycloak", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(kc.breakerWindow())
                .minimumNumberOfCalls(kc.breakerWindow())
                .failureRateThreshold(50)
                .waitDurationInOpenState(kc.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                // only an unreachable or failing Keycloak counts; a refused account or a taken name does not
                .recordExceptions(UserDirectory.Unavailable.class)
                .build());
        Retry retry = Retry.of("keycloak", RetryConfig.custom()
                .maxAttempts(kc.retryAttempts())
                .waitDuration(kc.retryWait())
                .retryExceptions(UserDirectory.Unavailable.class)
                .build());
        return new ResilientDirectory(directory, breaker, retry);
    }
}
