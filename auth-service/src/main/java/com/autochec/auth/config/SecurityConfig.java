package com.autochec.auth.config;

import com.autochec.platform.security.EndpointAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Which role may do what, checked by path before the body is even read (and again on each controller
 * method with {@code @PreAuthorize}; which claims an owner sees is decided in the service). Everything else
 * needs a valid token (the platform's chain).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    EndpointAuthorization authEndpoints() {
        return rules -> rules.requestMatchers("/api/agents/**")
                .hasRole("admin")
                .requestMatchers("/api/accounts/users/**")
                .hasRole("admin")
                .requestMatchers(HttpMethod.POST, "/api/organisations")
                .hasRole("admin")
                .requestMatchers(HttpMethod.PATCH, "/api/organisations/**")
                .hasRole("admin")
                .requestMatchers(HttpMethod.POST, "/api/accounts/claims/*/approve", "/api/accounts/claims/*/reject")
                .hasRole("admin")
                .requestMatchers(HttpMethod.POST, "/api/accounts/claims")
                .hasRole("owner")
                .requestMatchers(HttpMethod.GET, "/api/accounts/claims", "/api/accounts/claims/*")
                .hasAnyRole("owner", "admin");
    }
}
