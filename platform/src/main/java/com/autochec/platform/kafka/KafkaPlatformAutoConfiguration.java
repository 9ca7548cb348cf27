package com.autochec.platform.kafka;

import com.autochec.contracts.Topics;
import com.autochec.platform.PlatformProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * One Kafka policy for every service:
 * <ul>
 *   <li>a JSON template ({@code KafkaTemplate<String, Object>}, idempotent, acks=all, from
 *       {@code spring.kafka.producer.*} whose defaults the platform sets) and a raw-bytes template for
 *       images and dead letters;
 *   <li>one error handler: a <b>transient</b> failure (database or broker unavailable, time-out — see
 *       {@link FailureClassifier}) is retried with exponential back-off until it succeeds and is never
 *       dead-lettered; a <b>poison</b> record (undeserialisable, {@link PoisonRecordException}, invalid)
 *       goes at once to {@code <topic>.dlt} with the failure in headers; anything else is retried a few
 *       times, then dead-lettered, so no record can stop a consumer;
 *   <li>a batch container factory ({@code batchListenerContainerFactory}) with the same handler;
 *   <li>static group membership when {@code autochec.platform.kafka.group-instance-id} is set
 *       ({@link #staticMembership}).
 * </ul>
 * Batch listeners report a poison record with {@code BatchListenerFailedException} (its index);
 * a batch that fails as a whole is retried with back-off, as a transient failure.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(PlatformProperties.class)
public class KafkaPlatformAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaPlatformAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(name = "kafkaProducerFactory")
    ProducerFactory<String, Object> kafkaProducerFactory(
            KafkaProperties properties, ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
        DefaultKafkaProducerFactory<String, Object> factory =
                new DefaultKafkaProducerFactory<>(properties.buildProducerProperties());
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
        return factory;
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaTemplate")
    KafkaTemplate<String, Object> kafkaTemplate(
            @Qualifier("kafkaProducerFactory") ProducerFactory<String, Object> kafkaProducerFactory) {
        return new KafkaTemplate<>(kafkaProducerFactory);
    }

    /** Raw bytes: plate and document images, and dead letters of records that could not be deserialised. */
    @Bean
    @ConditionalOnMissingBean(name = "bytesKafkaTemplate")
    KafkaTemplate<String, byte[]> bytesKafkaTemplate(KafkaProperties properties, PlatformProperties platform) {
        Map<String, Object> config = new LinkedHashMap<>(properties.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, (int) platform.kafka().maxRecordSize().toBytes());
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(
            @Qualifier("kafkaTemplate") KafkaTemplate<String, Object> kafkaTemplate,
            @Qualifier("bytesKafkaTemplate") KafkaTemplate<String, byte[]> bytesKafkaTemplate,
            PlatformProperties platform) {
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, bytesKafkaTemplate);
        templates.put(Object.class, kafkaTemplate);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                templates, (record, e) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        PlatformProperties.Kafka policy = platform.kafka();
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, transientBackOff(policy));
        handler.addNotRetryableExceptions(PoisonRecordException.class, IllegalArgumentException.class);
        handler.setBackOffFunction((record, failure) -> switch (FailureClassifier.classify(failure)) {
            case TRANSIENT -> {
                log.warn("Transient failure on {}-{}@{}, retrying: {}",
                        record.topic(), record.partition(), record.offset(), rootMessage(failure));
                yield transientBackOff(policy);
            }
            case POISON -> new FixedBackOff(0L, 0L);
            case UNKNOWN -> new FixedBackOff(policy.unknownFailureInterval().toMillis(), policy.unknownFailureRetries());
        });
        return handler;
    }

    /** Exponential, no limit: the infrastructure comes back, the record is processed. */
    static BackOff transientBackOff(PlatformProperties.Kafka policy) {
        ExponentialBackOff backOff = new ExponentialBackOff(policy.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(policy.retryMaxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /**
     * Static membership: every listener container joins its group as {@code <group-instance-id>-<listener id>}
     * (Spring Kafka appends {@code -n} per consumer when a container runs several). A consumer killed with its
     * process keeps its partitions until its session times out (45 s by default); a restarted instance with a new,
     * dynamic member id would wait for that, as the group's rebalance waits for the dead member. Under the same
     * instance id it replaces the dead member and gets the same partitions at once, without a rebalance. Applied to
     * Boot's {@code kafkaListenerContainerFactory} and to {@code batchListenerContainerFactory}.
     */
    @Bean
    @ConditionalOnMissingBean(name = "kafkaContainerCustomizer")
    @ConditionalOnExpression("!'${autochec.platform.kafka.group-instance-id:}'.isBlank()")
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> kafkaContainerCustomizer(
            PlatformProperties platform) {
        String instance = platform.kafka().groupInstanceId().strip();
        return container -> container.getContainerProperties().getKafkaConsumerProperties().setProperty(
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, staticInstanceId(instance,
                        container.getListenerId() != null ? container.getListenerId() : container.getBeanName()));
    }

    /** {@code <instance>-<listener id>}, with what Kafka would not like in an id (spaces, '#') replaced. */
    static String staticInstanceId(String instance, String listenerId) {
        return (instance + "-" + listenerId).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @Bean
    @ConditionalOnMissingBean(name = "batchListenerContainerFactory")
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ObjectProvider<ConsumerFactory<Object, Object>> consumerFactory,
            KafkaProperties properties,
            CommonErrorHandler kafkaErrorHandler,
            ObjectProvider<ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>> customizer) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        // a service that declares its own typed consumer factory has no Object one: build it from the properties
        configurer.configure(factory, consumerFactory.getIfAvailable(
                () -> new DefaultKafkaConsumerFactory<>(properties.buildConsumerProperties())));
        factory.setBatchListener(true);
        factory.setCommonErrorHandler(kafkaErrorHandler);
        customizer.ifUnique(factory::setContainerCustomizer);
        return factory;
    }
}
