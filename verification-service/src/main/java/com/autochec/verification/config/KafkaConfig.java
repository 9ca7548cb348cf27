package com.autochec.verification.config;

import com.autochec.contracts.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka: a JSON template for events, a byte[] template for plate images, a dead-letter error handler
 * shared by every listener, a batch container factory for the read-model projections, and the topics
 * this service produces.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /** Photos up to 10 MB plus headers. */
    static final int MAX_IMAGE_RECORD_BYTES = 11 * 1024 * 1024;

    @Bean
    ProducerFactory<String, Object> kafkaProducerFactory(KafkaProperties properties) {
        return new DefaultKafkaProducerFactory<>(properties.buildProducerProperties());
    }

    @Bean
    KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean
    ProducerFactory<String, byte[]> imageProducerFactory(KafkaProperties properties) {
        Map<String, Object> config = new LinkedHashMap<>(properties.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_IMAGE_RECORD_BYTES);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    KafkaTemplate<String, byte[]> imageKafkaTemplate(
            @Qualifier("imageProducerFactory") ProducerFactory<String, byte[]> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    /**
     * Retries a failing record twice, then publishes it to {@code <topic>.dlt} (raw bytes when it
     * could not be deserialised) and goes on: a poison record never stops a consumer.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(
            KafkaTemplate<String, Object> kafkaTemplate, KafkaTemplate<String, byte[]> imageKafkaTemplate) {
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, imageKafkaTemplate);
        templates.put(Object.class, kafkaTemplate);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                templates,
                (record, e) -> new org.apache.kafka.common.TopicPartition(
                        record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        return new DefaultErrorHandler(recoverer, new FixedBackOff(200L, 2L));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumerFactory,
            DefaultErrorHandler kafkaErrorHandler) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setBatchListener(true);
        factory.setCommonErrorHandler(kafkaErrorHandler);
        return factory;
    }

    @Bean
    NewTopic plateImageTopic(VerificationProperties properties) {
        return TopicBuilder.name(Topics.PLATE_IMAGE)
                .partitions(6)
                .replicas(properties.replicationFactor())
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(MAX_IMAGE_RECORD_BYTES))
                .build();
    }

    @Bean
    NewTopic checkCompletedTopic(VerificationProperties properties) {
        return TopicBuilder.name(Topics.CHECK_COMPLETED)
                .partitions(3)
                .replicas(properties.replicationFactor())
                .build();
    }

    /** Dead-letter topics of the topics this service consumes. */
    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(VerificationProperties properties) {
        return new KafkaAdmin.NewTopics(
                java.util.stream.Stream.of(Topics.VEHICLE_STATE, Topics.DOCUMENT_STATE, Topics.PLATE_READ)
                        .map(topic -> TopicBuilder.name(topic + Topics.DEAD_LETTER_SUFFIX)
                                .partitions(3)
                                .replicas(properties.replicationFactor())
                                .build())
                        .toArray(NewTopic[]::new));
    }
}
