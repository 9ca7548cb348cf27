package com.autochec.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.autochec.platform.outbox.OutboxRelays;
import com.autochec.platform.outbox.OutboxSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The platform's Kafka policy against a real (embedded KRaft) broker: a transient failure is retried
 * until it succeeds and never dead-lettered; a poison record and an undeserialisable one go to
 * {@code <topic>.dlt} with the failure in headers while the consumer goes on; the outbox relay
 * publishes pending entries and marks exactly the acknowledged ones.
 */
@SpringBootTest(
        classes = KafkaPolicyIntegrationTest.App.class,
        properties = {
            "spring.application.name=platform-kafka-test",
            "spring.main.web-application-type=none",
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "spring.kafka.consumer.properties.spring.json.trusted.packages=com.autochec.platform.kafka",
            "spring.kafka.consumer.properties.spring.json.value.default.type=com.autochec.platform.kafka.KafkaPolicyIntegrationTest$Event",
            "autochec.platform.kafka.retry-initial-interval=50ms",
            "autochec.platform.kafka.retry-max-interval=200ms",
            "autochec.platform.kafka.unknown-failure-interval=10ms",
            "autochec.platform.outbox.sweep-interval=200ms",
            "spring.autoconfigure.exclude=org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
                    + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"
        })
@EmbeddedKafka(partitions = 1, topics = {"t.in", "t.in.dlt", "t.out"})
class KafkaPolicyIntegrationTest {

    public record Event(String id, String kind) {}

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    App app;

    @Autowired
    OutboxRelays relays;

    @Test
    void transientFailuresAreRetriedPoisonIsDeadLetteredAndTheConsumerGoesOn() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>("t.in", "a", json("a", "transient"))).get();
            producer.send(new ProducerRecord<>("t.in", "b", json("b", "poison"))).get();
            producer.send(new ProducerRecord<>("t.in", "c", "{not json".getBytes())).get();
            producer.send(new ProducerRecord<>("t.in", "d", json("d", "bug"))).get();
            producer.send(new ProducerRecord<>("t.in", "e", json("e", "fine"))).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> app.processed.contains("e"));
        assertThat(app.processed).containsExactly("a", "e");
        assertThat(app.attempts.get("a").get()).isEqualTo(4); // three outages, then success
        assertThat(app.attempts.get("b").get()).isEqualTo(1); // poison: no retry
        assertThat(app.attempts.get("d").get()).isEqualTo(3); // unknown: two retries, then dead letters

        List<ConsumerRecord<String, byte[]>> dead = readAll("t.in.dlt", 3);
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("b", "c", "d");
        ConsumerRecord<String, byte[]> undeserialisable =
                dead.stream().filter(r -> r.key().equals("c")).findFirst().orElseThrow();
        assertThat(new String(undeserialisable.value())).isEqualTo("{not json"); // the raw bytes, kept
        for (ConsumerRecord<String, byte[]> record : dead) {
            Header exception = record.headers().lastHeader("kafka_dlt-exception-fqcn");
            assertThat(exception).as("failure header of %s", record.key()).isNotNull();
        }
        assertThat(dead).noneMatch(r -> r.key().equals("a"));
    }

    @Test
    void theOutboxRelayPublishesPendingEntriesAndMarksThem() throws Exception {
        app.outbox.add(new Entry("v1", 1));
        app.outbox.add(new Entry("v2", 1));
        relays.kick(app.source);
        await().atMost(Duration.ofSeconds(20)).until(() -> app.outbox.stream().allMatch(Entry::published));
        List<ConsumerRecord<String, byte[]>> published = readAll("t.out", 2);
        assertThat(published).extracting(ConsumerRecord::key).contains("v1", "v2");
        assertThat(new String(published.get(0).value())).contains("\"version\":1");
    }

    private static byte[] json(String id, String kind) {
        return ("{\"id\":\"" + id + "\",\"kind\":\"" + kind + "\"}").getBytes();
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic, int atLeast) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (records.size() < atLeast && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    public record Entry(String id, long version, boolean published) {
        Entry(String id, long version) {
            this(id, version, false);
        }
    }

    @SpringBootApplication
    static class App {

        final List<String> processed = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        final List<Entry> outbox = new CopyOnWriteArrayList<>();
        final OutboxSource<Entry> source = new OutboxSource<>() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public String topic() {
                return "t.out";
            }

            @Override
            public List<Entry> pending(int limit) {
                return outbox.stream().filter(e -> !e.published()).limit(limit).toList();
            }

            @Override
            public String key(Entry entry) {
                return entry.id();
            }

            @Override
            public Object event(Entry entry) {
                return Map.of("id", entry.id(), "version", entry.version());
            }

            @Override
            public void markPublished(List<Entry> acknowledged) {
                acknowledged.forEach(e -> outbox.set(outbox.indexOf(e), new Entry(e.id(), e.version(), true)));
            }
        };

        @Bean
        OutboxSource<Entry> testOutbox() {
            return source;
        }

        @KafkaListener(topics = "t.in")
        void listen(Event event) {
            int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            switch (event.kind()) {
                case "transient" -> {
                    if (attempt <= 3) {
                        throw new DataAccessResourceFailureException("database unavailable");
                    }
                }
                case "poison" -> throw new PoisonRecordException("invalid event " + event.id());
                case "bug" -> throw new NullPointerException("a bug");
                default -> { }
            }
            processed.add(event.id());
        }
    }
}
