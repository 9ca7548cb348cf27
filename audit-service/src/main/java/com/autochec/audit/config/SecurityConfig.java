package com.autochec.audit.config;

import com.autochec.platform.security.EndpointAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The audit log (search, CSV export, verification) and the statistics are for admins, the owner view for owners
 * (the platform builds the resource server around it).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    EndpointAuthorization auditEndpoints() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/api/audit/my-vehicles")
                .hasRole("owner")
                .requestMatchers("/api/audit", "/api/audit/**", "/api/statistics", "/api/statistics/**")
                .hasRole("admin");
    }
}
