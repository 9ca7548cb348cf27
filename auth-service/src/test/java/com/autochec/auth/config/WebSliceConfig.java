package com.autochec.auth.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** What every {@code @WebMvcTest} of this service needs: the service's URL rules on the platform's security chain, and a fixed clock. */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityConfig.class)
public class WebSliceConfig {

    public static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
