package com.autochec.audit.config;

import com.autochec.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The dead-letter topics of the audited events (the platform's error handler sends poison records there), and the
 * compacted topic of signed checkpoints this service produces. The audit topics themselves are declared by their
 * producers.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics auditTopics(AuditProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        List<String> consumed = new ArrayList<>(Topics.AUDIT_TOPICS);
        consumed.add(0, Topics.CHECK_COMPLETED);
        for (String topic : consumed) {
            topics.add(TopicBuilder.name(topic + Topics.DEAD_LETTER_SUFFIX)
                    .partitions(3)
                    .replicas(properties.kafkaReplicationFactor())
                    .build());
        }
        topics.add(TopicBuilder.name(Topics.AUDIT_CHECKPOINT)
                .partitions(1)
                .replicas(properties.kafkaReplicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                .build());
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
