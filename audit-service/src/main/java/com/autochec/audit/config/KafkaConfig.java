package com.autochec.audit.config;

import com.autochec.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The dead-letter topic of the audited events (the platform's error handler sends poison records there). */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    NewTopic checkCompletedDeadLetterTopic(AuditProperties properties) {
        return TopicBuilder.name(Topics.CHECK_COMPLETED + Topics.DEAD_LETTER_SUFFIX)
                .partitions(3)
                .replicas(properties.kafkaReplicationFactor())
                .build();
    }
}
