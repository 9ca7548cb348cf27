package com.autochec.audit.config;

import com.autochec.contracts.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Consumers' error handling: a short retry, then {@code <topic>.dlt} — raw bytes for records that
 * could not be deserialised, JSON otherwise — so a poison record never blocks a partition.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    NewTopic checkCompletedDeadLetterTopic(AuditProperties properties) {
        return TopicBuilder.name(Topics.CHECK_COMPLETED + Topics.DEAD_LETTER_SUFFIX)
                .partitions(3)
                .replicas(properties.kafkaReplicationFactor())
                .build();
    }

    @Bean
    ProducerFactory<String, Object> kafkaProducerFactory(KafkaProperties kafka) {
        return new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties());
    }

    @Bean
    KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> kafkaProducerFactory) {
        return new KafkaTemplate<>(kafkaProducerFactory);
    }

    @Bean
    ProducerFactory<String, byte[]> deadLetterBytesProducerFactory(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, byte[]> deadLetterBytesTemplate(ProducerFactory<String, byte[]> deadLetterBytesProducerFactory) {
        return new KafkaTemplate<>(deadLetterBytesProducerFactory);
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(
            KafkaTemplate<String, Object> kafkaTemplate, KafkaTemplate<String, byte[]> deadLetterBytesTemplate) {
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, deadLetterBytesTemplate);
        templates.put(Object.class, kafkaTemplate);
        var recoverer = new DeadLetterPublishingRecoverer(
                templates, (record, ex) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        var handler = new DefaultErrorHandler(recoverer, new FixedBackOff(200L, 3L));
        // An invalid event (e.g. log.InvalidAuditEvent) will not become valid on a retry: straight to the dead letters.
        handler.addNotRetryableExceptions(IllegalArgumentException.class);
        return handler;
    }
}
