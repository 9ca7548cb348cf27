package com.autochec.verification.config;

import com.autochec.platform.security.EndpointAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * verification-service's URL rules, applied by the platform's security chain. Checks are open to
 * anonymous callers (the public role); a request that carries a bearer token must carry a valid one
 * (401 otherwise). Who sees, follows ({@code /events}) or confirms a check is decided per check, from the
 * caller: its requester, an admin, or anyone holding the id of an anonymous check. The list of one's own
 * checks ({@code /api/checks/mine}) needs a signed-in caller.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    EndpointAuthorization checkEndpoints() {
        return rules -> rules.requestMatchers("/api/checks/read-model", "/api/checks/read-model/**")
                .hasRole("admin")
                .requestMatchers(HttpMethod.GET, "/api/checks/mine")
                .authenticated()
                .requestMatchers(HttpMethod.POST, "/api/checks")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/api/checks/*", "/api/checks/*/events")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/api/checks/*/confirm")
                .permitAll();
    }
}
