package com.autochec.verification.config;

import com.autochec.platform.security.EndpointAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * verification-service's URL rules, applied by the platform's security chain. Checks are open to
 * anonymous callers (the public role); a request that carries a bearer token must carry a valid one
 * (401 otherwise). Who sees what is decided per check, from the caller.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    EndpointAuthorization checkEndpoints() {
        return rules -> rules.requestMatchers(HttpMethod.POST, "/api/checks")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/api/checks/*")
                .permitAll();
    }
}
