package com.autochec.verification;

import com.autochec.localstack.testing.EmbeddedInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The integration tests that move time by hand: the real service on the embedded broker and the local
 * stack's indexed MongoDB backend, with a {@link MutableClock} as the application's clock and objects in a
 * directory of their own. Every class annotated with it shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "autochec.platform.outbox.sweep-interval=1s",
            "autochec.verification.image-grace=2s",
            "autochec.verification.evidence-sweep-initial-delay=1h",
            "autochec.platform.object-store.directory=target/test-objects/${random.uuid}",
            "spring.kafka.consumer.properties.metadata.max.age.ms=1000"
        })
@AutoConfigureMockMvc
@Import({EmbeddedInfrastructure.class, ControlledClockIntegration.ClockConfiguration.class})
public @interface ControlledClockIntegration {

    @TestConfiguration(proxyBeanMethods = false)
    class ClockConfiguration {

        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-03-15T10:00:00Z"));
        }
    }
}
