package com.autochec.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings every service shares (Kafka serialisation and delivery guarantees, JWT roles claim and
 * audience, actuator exposure, metrics tag, graceful shutdown, log correlation…) from
 * {@code autochec-platform-defaults.properties}, added with the lowest precedence: a service's
 * {@code application.yml} and the environment override any of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String NAME = "autochecPlatformDefaults";
    static final String RESOURCE = "autochec-platform-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(NAME)) {
            return;
        }
        try {
            for (PropertySource<?> source : new PropertiesPropertySourceLoader().load(NAME, new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
