package com.autochec.document.config;

import com.autochec.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Topics this service produces and the dead-letter topics of those it consumes (templates, error
 * handling and dead letters are the platform's).
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /** Images up to the upload limit plus headroom for headers and batching. */
    static final int MAX_IMAGE_RECORD_BYTES = 12 * 1024 * 1024;

    @Bean
    NewTopic documentStateTopic(DocumentProperties properties) {
        return TopicBuilder.name(Topics.DOCUMENT_STATE)
                .partitions(3)
                .replicas(properties.kafkaReplicationFactor())
                .compact()
                .build();
    }

    @Bean
    NewTopic documentImageTopic(DocumentProperties properties) {
        return TopicBuilder.name(Topics.DOCUMENT_IMAGE)
                .partitions(6)
                .replicas(properties.kafkaReplicationFactor())
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_IMAGE_RECORD_BYTES))
                .build();
    }

    /** Audit events (uploads, decisions, views of person data); audit-service consumes them. */
    @Bean
    NewTopic documentAuditTopic(DocumentProperties properties) {
        return TopicBuilder.name(Topics.DOCUMENT_AUDIT)
                .partitions(3)
                .replicas(properties.kafkaReplicationFactor())
                .build();
    }

    /** Expiry alerts as events (the alerts' outbox); report-service's webhooks consume them. */
    @Bean
    NewTopic expiryAlertsTopic(DocumentProperties properties) {
        return TopicBuilder.name(Topics.EXPIRY_ALERTS)
                .partitions(3)
                .replicas(properties.kafkaReplicationFactor())
                .build();
    }

    @Bean
    NewTopic vehicleStateDeadLetterTopic(DocumentProperties properties) {
        return TopicBuilder.name(Topics.VEHICLE_STATE + Topics.DEAD_LETTER_SUFFIX)
                .partitions(3)
                .replicas(properties.kafkaReplicationFactor())
                .build();
    }

    @Bean
    NewTopic documentReadDeadLetterTopic(DocumentProperties properties) {
        return TopicBuilder.name(Topics.DOCUMENT_READ + Topics.DEAD_LETTER_SUFFIX)
                .partitions(3)
                .replicas(properties.kafkaReplicationFactor())
                .build();
    }
}
