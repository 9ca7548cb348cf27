package com.autochec.platform.web;

import jakarta.validation.ClockProvider;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} every service injects (UTC); tests replace it with a fixed or mutable clock.
 * Bean Validation ({@code @PastOrPresent}, {@code @Future}…) reads the same clock.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ClockProvider.class, ValidationConfigurationCustomizer.class})
    static class ValidationClock {

        @Bean
        ValidationConfigurationCustomizer platformValidationClock(Clock clock) {
            ClockProvider provider = () -> clock;
            return configuration -> configuration.clockProvider(provider);
        }
    }
}
