package com.autochec.auth.agent;

import com.autochec.auth.config.AuthProperties;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.client.jaxrs.ResteasyClientBuilder;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keycloak admin client with client-credentials; its token is fetched on first use, not at startup. */
@Configuration(proxyBeanMethods = false)
class KeycloakConfig {

    @Bean(destroyMethod = "close")
    Keycloak keycloakAdmin(AuthProperties properties) {
        AuthProperties.Keycloak kc = properties.keycloak();
        ResteasyClientBuilder http = (ResteasyClientBuilder) ResteasyClientBuilder.newBuilder()
                .connectTimeout(kc.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(kc.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
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
    AgentDirectory agentDirectory(Keycloak keycloak, AuthProperties properties) {
        return new KeycloakAgentDirectory(keycloak, properties.keycloak().realm());
    }
}
