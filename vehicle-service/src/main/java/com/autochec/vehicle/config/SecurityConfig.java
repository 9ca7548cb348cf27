package com.autochec.vehicle.config;

import com.autochec.platform.security.EndpointAuthorization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every {@code /api/**} call needs a token; which role may do what is decided on the controller
 * methods ({@code @PreAuthorize}) and, for owners, by the vehicle's account. Nothing else is served.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    EndpointAuthorization vehicleEndpoints() {
        return rules -> rules.requestMatchers("/api/**").authenticated().requestMatchers("/**").denyAll();
    }
}
