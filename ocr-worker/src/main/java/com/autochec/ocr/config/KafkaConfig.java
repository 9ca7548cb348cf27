package com.autochec.ocr.config;

import com.autochec.contracts.Topics;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka wiring: image records are consumed as raw bytes by {@code concurrency} threads per topic (one
 * reading engine per thread); readings are published as JSON (acks=all, idempotent); poison records
 * go, raw, to {@code <topic>.dlt}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /** Headroom above the image limit for headers and batch overhead in dead-letter records. */
    private static final int RECORD_OVERHEAD = 1024 * 1024;

    @Bean
    ConsumerFactory<String, byte[]> imageConsumerFactory(KafkaProperties kafka, OcrProperties ocr) {
        Map<String, Object> props = kafka.buildConsumerProperties();
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // an image takes tens of milliseconds to seconds: fetch few records at a time
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
        props.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, (int) Math.min(Integer.MAX_VALUE, ocr.maxImageBytes() + RECORD_OVERHEAD));
        return new DefaultKafkaConsumerFactory<>(props);
    }

    @Bean
    KafkaTemplate<String, Object> readingTemplate(KafkaProperties kafka) {
        Map<String, Object> props = kafka.buildProducerProperties();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JacksonJsonSerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props));
    }

    @Bean
    KafkaTemplate<String, byte[]> deadLetterTemplate(KafkaProperties kafka, OcrProperties ocr) {
        Map<String, Object> props = kafka.buildProducerProperties();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) Math.min(Integer.MAX_VALUE, ocr.maxImageBytes() + RECORD_OVERHEAD));
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props));
    }

    /** Raw record to {@code <topic>.dlt}, partitioned by key (the dead-letter topic may have fewer partitions). */
    @Bean
    DeadLetterPublishingRecoverer deadLetterRecoverer(KafkaTemplate<String, byte[]> deadLetterTemplate) {
        return new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, e) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
            ConsumerFactory<String, byte[]> imageConsumerFactory, DeadLetterPublishingRecoverer deadLetterRecoverer,
            OcrProperties ocr) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(imageConsumerFactory);
        factory.setConcurrency(ocr.effectiveConcurrency());
        // readings are published before the offset is committed; a failure to publish is retried
        // twice, then the record goes to the dead-letter topic: a poison record never stops a consumer
        factory.setCommonErrorHandler(new DefaultErrorHandler(deadLetterRecoverer, new FixedBackOff(500, 2)));
        return factory;
    }

    @Bean
    NewTopic plateReadTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") int replicas) {
        return TopicBuilder.name(Topics.PLATE_READ).partitions(3).replicas(replicas).build();
    }

    @Bean
    NewTopic documentReadTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") int replicas) {
        return TopicBuilder.name(Topics.DOCUMENT_READ).partitions(3).replicas(replicas).build();
    }

    @Bean
    NewTopic plateImageDeadLetterTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") int replicas, OcrProperties ocr) {
        return deadLetter(Topics.PLATE_IMAGE, replicas, ocr);
    }

    @Bean
    NewTopic documentImageDeadLetterTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") int replicas, OcrProperties ocr) {
        return deadLetter(Topics.DOCUMENT_IMAGE, replicas, ocr);
    }

    private static NewTopic deadLetter(String topic, int replicas, OcrProperties ocr) {
        return TopicBuilder.name(topic + Topics.DEAD_LETTER_SUFFIX).partitions(3).replicas(replicas)
                .config("max.message.bytes", String.valueOf(ocr.maxImageBytes() + RECORD_OVERHEAD))
                .build();
    }
}
