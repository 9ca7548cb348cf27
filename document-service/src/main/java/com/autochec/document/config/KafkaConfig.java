package com.autochec.document.config;

import com.autochec.contracts.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
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
 * Topics this service produces, the JSON and raw-bytes producers, and the consumers' error handling:
 * a short retry, then the record goes to {@code <topic>.dlt} (raw bytes for records that could not be
 * deserialised) so a poison record never blocks a partition.
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

    @Bean
    ProducerFactory<String, Object> kafkaProducerFactory(KafkaProperties kafka) {
        return new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties());
    }

    @Bean
    KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> kafkaProducerFactory) {
        return new KafkaTemplate<>(kafkaProducerFactory);
    }

    @Bean
    ProducerFactory<String, byte[]> imageProducerFactory(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_IMAGE_RECORD_BYTES);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, byte[]> imageKafkaTemplate(ProducerFactory<String, byte[]> imageProducerFactory) {
        return new KafkaTemplate<>(imageProducerFactory);
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(
            KafkaTemplate<String, Object> kafkaTemplate, KafkaTemplate<String, byte[]> imageKafkaTemplate) {
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, imageKafkaTemplate);
        templates.put(Object.class, kafkaTemplate);
        var recoverer = new DeadLetterPublishingRecoverer(
                templates, (record, ex) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        return new DefaultErrorHandler(recoverer, new FixedBackOff(200L, 2L));
    }
}
