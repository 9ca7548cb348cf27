package com.autochec.vehicle.config;

import com.autochec.contracts.Topics;
import jakarta.validation.ClockProvider;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** vehicle-service's own settings and the topics it owns; everything cross-cutting comes from the platform. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VehicleProperties.class)
public class VehicleConfig {

    /** The vehicle state topic: compacted, keyed by vehicle id. */
    @Bean
    NewTopic vehicleStateTopic(VehicleProperties properties) {
        return TopicBuilder.name(Topics.VEHICLE_STATE)
                .partitions(properties.topicPartitions())
                .replicas(properties.topicReplicas())
                .compact()
                .build();
    }

    /**
     * vehicle-service's audit topic (views of person data, changes, proposals, stolen reports): not compacted,
     * every event counts; audit-service consumes it.
     */
    @Bean
    NewTopic vehicleAuditTopic(VehicleProperties properties) {
        return TopicBuilder.name(Topics.VEHICLE_AUDIT)
                .partitions(properties.topicPartitions())
                .replicas(properties.topicReplicas())
                .build();
    }

    /** Bean validation ({@code @PastOrPresent}) reads the platform's clock (the platform does not wire it). */
    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        ClockProvider provider = () -> clock;
        return configuration -> configuration.clockProvider(provider);
    }
}
