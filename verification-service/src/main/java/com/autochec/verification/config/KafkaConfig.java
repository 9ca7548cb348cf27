package com.autochec.verification.config;

import com.autochec.contracts.Topics;
import com.autochec.platform.PlatformProperties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics this service produces, and the dead-letter topics of those it consumes. Templates, the
 * error handler (dead letters) and the batch container factory are the platform's.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /** Photos up to 10 MB plus headers: as large as the platform's bytes template may send. */
    @Bean
    NewTopic plateImageTopic(VerificationProperties properties, PlatformProperties platform) {
        return TopicBuilder.name(Topics.PLATE_IMAGE)
                .partitions(6)
                .replicas(properties.replicationFactor())
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        String.valueOf(platform.kafka().maxRecordSize().toBytes()))
                .build();
    }

    /** VIN photos: as large as plate photos. */
    @Bean
    NewTopic vinImageTopic(VerificationProperties properties, PlatformProperties platform) {
        return TopicBuilder.name(Topics.VIN_IMAGE)
                .partitions(3)
                .replicas(properties.replicationFactor())
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        String.valueOf(platform.kafka().maxRecordSize().toBytes()))
                .build();
    }

    @Bean
    NewTopic checkCompletedTopic(VerificationProperties properties) {
        return TopicBuilder.name(Topics.CHECK_COMPLETED)
                .partitions(3)
                .replicas(properties.replicationFactor())
                .build();
    }

    @Bean
    NewTopic fraudSignalsTopic(VerificationProperties properties) {
        return TopicBuilder.name(Topics.FRAUD_SIGNALS)
                .partitions(3)
                .replicas(properties.replicationFactor())
                .build();
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(VerificationProperties properties) {
        return new KafkaAdmin.NewTopics(Stream.of(Topics.VEHICLE_STATE, Topics.DOCUMENT_STATE, Topics.PLATE_READ, Topics.VIN_READ)
                .map(topic -> TopicBuilder.name(topic + Topics.DEAD_LETTER_SUFFIX)
                        .partitions(3)
                        .replicas(properties.replicationFactor())
                        .build())
                .toArray(NewTopic[]::new));
    }
}
