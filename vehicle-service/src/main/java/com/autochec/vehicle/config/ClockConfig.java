package com.autochec.vehicle.config;

import jakarta.validation.ClockProvider;
import java.time.Clock;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one source of time; bean validation ({@code @PastOrPresent}) reads it too. */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        ClockProvider provider = () -> clock;
        return configuration -> configuration.clockProvider(provider);
    }
}
