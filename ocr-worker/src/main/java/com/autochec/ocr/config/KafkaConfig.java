package com.autochec.ocr.config;

import com.autochec.contracts.Topics;
import com.autochec.platform.PlatformProperties;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;

/**
 * The worker's own Kafka settings: image records are consumed as raw bytes, a few at a time, by
 * {@code concurrency} threads per topic (one reading engine per thread), with the platform's error
 * handler; its output topics and the dead-letter topics of the images. Templates are the platform's.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    /** Headroom above the image limit for headers and batch overhead in dead-letter records. */
    private static final long RECORD_OVERHEAD = 1024 * 1024;

    /**
     * The consumer factory is built here rather than declared as a bean: a {@code ConsumerFactory}
     * bean would replace Boot's default one, which the platform's batch container factory needs.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
            KafkaProperties kafka, OcrProperties ocr, CommonErrorHandler kafkaErrorHandler) {
        Map<String, Object> props = kafka.buildConsumerProperties();
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // an image takes tens of milliseconds to seconds: fetch few records at a time
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10);
        props.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                (int) Math.min(Integer.MAX_VALUE, ocr.maxImageBytes() + RECORD_OVERHEAD));
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(props));
        factory.setConcurrency(ocr.effectiveConcurrency());
        factory.setCommonErrorHandler(kafkaErrorHandler);
        return factory;
    }

    @Bean
    NewTopic plateReadTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") int replicas) {
        return TopicBuilder.name(Topics.PLATE_READ).partitions(3).replicas(replicas).build();
    }

    @Bean
    NewTopic vinReadTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") int replicas) {
        return TopicBuilder.name(Topics.VIN_READ).partitions(3).replicas(replicas).build();
    }

    @Bean
    NewTopic vinImageDeadLetterTopic(
            @Value("${KAFKA_REPLICATION_FACTOR:1}") int replicas, OcrProperties ocr, PlatformProperties platform) {
        return deadLetter(Topics.VIN_IMAGE, replicas, ocr, platform);
    }

    @Bean
    NewTopic documentReadTopic(@Value("${KAFKA_REPLICATION_FACTOR:1}") int replicas) {
        return TopicBuilder.name(Topics.DOCUMENT_READ).partitions(3).replicas(replicas).build();
    }

    @Bean
    NewTopic plateImageDeadLetterTopic(
            @Value("${KAFKA_REPLICATION_FACTOR:1}") int replicas, OcrProperties ocr, PlatformProperties platform) {
        return deadLetter(Topics.PLATE_IMAGE, replicas, ocr, platform);
    }

    @Bean
    NewTopic documentImageDeadLetterTopic(
            @Value("${KAFKA_REPLICATION_FACTOR:1}") int replicas, OcrProperties ocr, PlatformProperties platform) {
        return deadLetter(Topics.DOCUMENT_IMAGE, replicas, ocr, platform);
    }

    /** Dead letters of images go out through the platform's bytes template: its record limit must fit them. */
    private static NewTopic deadLetter(String topic, int replicas, OcrProperties ocr, PlatformProperties platform) {
        long needed = ocr.maxImageBytes() + RECORD_OVERHEAD;
        long allowed = platform.kafka().maxRecordSize().toBytes();
        if (allowed < needed) {
            throw new IllegalStateException("autochec.platform.kafka.max-record-size (" + allowed
                    + " bytes) is smaller than autochec.ocr.max-image-bytes plus 1 MB (" + needed
                    + " bytes): dead letters of images could not be sent");
        }
        return TopicBuilder.name(topic + Topics.DEAD_LETTER_SUFFIX).partitions(3).replicas(replicas)
                .config("max.message.bytes", String.valueOf(allowed))
                .build();
    }
}
