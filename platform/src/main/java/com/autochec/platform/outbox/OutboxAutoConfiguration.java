package com.autochec.platform.outbox;

import com.autochec.platform.PlatformProperties;
import com.autochec.platform.kafka.KafkaPlatformAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/** One {@link OutboxRelay} per {@link OutboxSource} bean, swept every {@code autochec.platform.outbox.sweep-interval}. */
@AutoConfiguration(after = KafkaPlatformAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(OutboxSource.class)
@EnableConfigurationProperties(PlatformProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxRelays outboxRelays(
            List<OutboxSource<?>> sources,
            @Qualifier("kafkaTemplate") KafkaTemplate<String, Object> kafka,
            ObjectProvider<MeterRegistry> meters,
            PlatformProperties properties) {
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        PlatformProperties.Outbox outbox = properties.outbox();
        List<OutboxRelay<?>> relays = sources.stream()
                .<OutboxRelay<?>>map(source ->
                        relay(source, kafka, outbox, registry))
                .toList();
        return new OutboxRelays(relays, outbox.sweepInterval().toMillis());
    }

    private static <T> OutboxRelay<T> relay(
            OutboxSource<T> source, KafkaTemplate<String, Object> kafka, PlatformProperties.Outbox outbox, MeterRegistry meters) {
        return new OutboxRelay<>(source, kafka, outbox.batchSize(), outbox.sendTimeout(), meters);
    }
}
