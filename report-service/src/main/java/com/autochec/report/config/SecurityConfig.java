package com.autochec.report.config;

import com.autochec.platform.security.EndpointAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * report-service's URL rules, applied by the platform's security chain: the authenticity endpoints (the
 * QR code's page {@code /verify/{reportId}} included) are public; downloading a report needs a token and is then decided by the report's owner rules in the controller.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    EndpointAuthorization reportEndpoints() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/api/reports/*/verification")
                .permitAll()
                .requestMatchers("/api/reports/verify")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/verify/*")
                .permitAll();
    }
}
