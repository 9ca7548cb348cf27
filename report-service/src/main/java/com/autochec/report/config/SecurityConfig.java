package com.autochec.report.config;

import com.autochec.platform.security.EndpointAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * report-service's URL rules, applied by the platform's security chain: the authenticity endpoints (the
 * QR code's page {@code /verify/{reportId}} included) and what a share link opens ({@code /verify/shared/**}) are
 * public; downloading a report and managing share links need a token and are then decided by the report's rules in
 * the service.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    EndpointAuthorization reportEndpoints() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/api/reports/*/verification")
                .permitAll()
                .requestMatchers("/api/reports/verify")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/verify/*", "/verify/shared/*", "/verify/shared/*/pdf")
                .permitAll();
    }
}
