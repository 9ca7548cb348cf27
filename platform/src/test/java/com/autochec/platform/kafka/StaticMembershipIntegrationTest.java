package com.autochec.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.platform.PlatformProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Static group membership (issue #7): each listener container gets its own stable {@code group.instance.id}, and a
 * member that died without leaving is replaced at once by a restarted one with the same id — no wait for its
 * session to time out.
 */
@EmbeddedKafka(partitions = 3, topics = "t.static")
class StaticMembershipIntegrationTest {

    @Test
    void eachListenerContainerJoinsUnderItsOwnStableInstanceId() {
        PlatformProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("autochec.platform.kafka.group-instance-id", "audit-service")))
                .bind("autochec.platform", PlatformProperties.class).get();
        var customizer = new KafkaPlatformAutoConfiguration().kafkaContainerCustomizer(properties);
        for (String listenerId : List.of("audit-events", "org.springframework.kafka.KafkaListenerEndpointContainer#0")) {
            var container = new ConcurrentMessageListenerContainer<Object, Object>(
                    new DefaultKafkaConsumerFactory<>(Map.of()), new ContainerProperties("t.static"));
            container.getContainerProperties().setMessageListener((MessageListener<Object, Object>) record -> {});
            container.setBeanName(listenerId);
            customizer.configure(container);
            assertThat(container.getContainerProperties().getKafkaConsumerProperties()
                    .getProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG))
                    .isEqualTo(KafkaPlatformAutoConfiguration.staticInstanceId("audit-service", listenerId))
                    .startsWith("audit-service-")
                    .matches("[A-Za-z0-9._-]+");
        }
        assertThat(KafkaPlatformAutoConfiguration.staticInstanceId("audit-service", "a#0"))
                .isNotEqualTo(KafkaPlatformAutoConfiguration.staticInstanceId("audit-service", "b#0"));
    }

    @Test
    void aRestartedStaticMemberGetsThePartitionsOfTheOneThatDiedWithoutWaitingForItsSession(EmbeddedKafkaBroker broker) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "static-test",
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "audit-service-audit-events",
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 45_000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        var first = new KafkaConsumer<String, String>(config);
        first.subscribe(List.of("t.static"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (first.assignment().isEmpty() && System.nanoTime() < deadline) {
            first.poll(Duration.ofMillis(200));
        }
        assertThat(first.assignment()).hasSize(3);
        // the process dies: a static member leaves its group no LeaveGroup, its session would last 45 s
        first.close(Duration.ZERO);

        long restarted = System.nanoTime();
        try (var second = new KafkaConsumer<String, String>(config)) {
            second.subscribe(List.of("t.static"));
            while (second.assignment().isEmpty() && System.nanoTime() - restarted < Duration.ofSeconds(60).toNanos()) {
                second.poll(Duration.ofMillis(200));
            }
            double seconds = (System.nanoTime() - restarted) / 1e9;
            assertThat(second.assignment()).hasSize(3);
            assertThat(seconds).as("partitions back after %.1f s, not after the 45 s session time-out", seconds)
                    .isLessThan(15);
        }
    }
}
