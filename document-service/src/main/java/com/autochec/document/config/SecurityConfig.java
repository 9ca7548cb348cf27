package com.autochec.document.config;

import com.autochec.platform.security.EndpointAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Coarse rules here (the platform builds the resource server around them); per-document decisions in the services. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    EndpointAuthorization documentEndpoints() {
        return rules -> rules.requestMatchers(HttpMethod.POST, "/api/documents/import")
                .hasRole("admin")
                .requestMatchers(HttpMethod.POST, "/api/documents/*/validate", "/api/documents/*/reject")
                .hasRole("admin")
                .requestMatchers(HttpMethod.POST, "/api/notifications/expiry-scan")
                .hasRole("admin")
                .requestMatchers("/api/documents", "/api/documents/**")
                .hasAnyRole("admin", "agent", "owner")
                .requestMatchers("/api/me/notifications", "/api/me/notifications/**", "/api/me/notification-preferences")
                .hasAnyRole("admin", "agent", "owner");
    }
}
