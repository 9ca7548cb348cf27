package com.autochec.auth.config;

import com.autochec.contracts.Topics;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics auth-service produces (its audit events, the account↔vehicle links) and the dead-letter topics
 * of those it consumes (vehicle and document states, for its registry read model). Templates, error policy
 * and container factories are the platform's.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics authTopics(@Value("${KAFKA_REPLICATION_FACTOR:1}") int replicas) {
        Stream<NewTopic> produced = Stream.of(Topics.ACCOUNT_AUDIT, Topics.ACCOUNT_VEHICLE_LINKS)
                .map(topic -> TopicBuilder.name(topic).partitions(3).replicas(replicas).build());
        Stream<NewTopic> deadLetters = Stream.of(Topics.VEHICLE_STATE, Topics.DOCUMENT_STATE)
                .map(topic -> TopicBuilder.name(topic + Topics.DEAD_LETTER_SUFFIX).partitions(3).replicas(replicas).build());
        return new KafkaAdmin.NewTopics(Stream.concat(produced, deadLetters).toArray(NewTopic[]::new));
    }
}
