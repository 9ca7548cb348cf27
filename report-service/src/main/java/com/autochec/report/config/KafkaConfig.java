package com.autochec.report.config;

import com.autochec.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The dead-letter topic of {@link Topics#CHECK_COMPLETED}. Retries and dead letters follow the platform's
 * Kafka policy (a poison record at once, a report that cannot be rendered after a few retries).
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    NewTopic checkCompletedDeadLetterTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") int replicationFactor) {
        return TopicBuilder.name(Topics.CHECK_COMPLETED + Topics.DEAD_LETTER_SUFFIX)
                .partitions(3)
                .replicas(replicationFactor)
                .build();
    }

    /**
     * The expiry alerts' topic is document-service's; declared here too (same settings) so that the webhooks'
     * listener finds it even when report-service starts first.
     */
    @Bean
    NewTopic expiryAlertsTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") int replicationFactor) {
        return TopicBuilder.name(Topics.EXPIRY_ALERTS)
                .partitions(3)
                .replicas(replicationFactor)
                .build();
    }

    @Bean
    NewTopic expiryAlertsDeadLetterTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") int replicationFactor) {
        return TopicBuilder.name(Topics.EXPIRY_ALERTS + Topics.DEAD_LETTER_SUFFIX)
                .partitions(3)
                .replicas(replicationFactor)
                .build();
    }

    /** report-service's audit events (shares, openings), consumed by audit-service. */
    @Bean
    NewTopic reportAuditTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") int replicationFactor) {
        return TopicBuilder.name(Topics.REPORT_AUDIT)
                .partitions(3)
                .replicas(replicationFactor)
                .build();
    }
}
