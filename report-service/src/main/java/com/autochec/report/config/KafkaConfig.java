package com.autochec.report.config;

import com.autochec.contracts.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A failing record (poison JSON, or a report that cannot be rendered after two retries) goes to
 * {@code <topic>.dlt} and the consumer moves on. Records that failed to deserialize are forwarded with their
 * original bytes; others as JSON. Boot wires the {@link DefaultErrorHandler} bean into the listener factory.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    DefaultErrorHandler kafkaErrorHandler(ProducerFactory<Object, Object> producerFactory) {
        KafkaTemplate<Object, Object> json = new KafkaTemplate<>(producerFactory);
        KafkaTemplate<Object, Object> raw = new KafkaTemplate<>(producerFactory.copyWithConfigurationOverride(
                Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, raw);
        templates.put(Object.class, json);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, ex) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        return new DefaultErrorHandler(recoverer, new FixedBackOff(500L, 2L));
    }

    @Bean
    NewTopic checkCompletedDeadLetterTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") int replicationFactor) {
        return TopicBuilder.name(Topics.CHECK_COMPLETED + Topics.DEAD_LETTER_SUFFIX)
                .partitions(3)
                .replicas(replicationFactor)
                .build();
    }
}
