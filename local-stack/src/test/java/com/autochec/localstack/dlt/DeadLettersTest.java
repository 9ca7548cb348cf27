package com.autochec.localstack.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

class DeadLettersTest {

    static final String TOPIC = "autochec.check.completed";
    static final String DLT = TOPIC + ".dlt";
    static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 2, TOPIC, DLT);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void listsDeadLettersAndReplaysEachOnceToItsOriginalTopicWithKeyValueAndNonDltHeaders() throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int i = 0; i < 3; i++) {
                RecordHeaders headers = new RecordHeaders();
                headers.add("__TypeId__", "CheckCompleted".getBytes(StandardCharsets.UTF_8));
                headers.add("kafka_dlt-original-topic", TOPIC.getBytes(StandardCharsets.UTF_8));
                headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(40 + i).array());
                headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(0).array());
                headers.add("kafka_dlt-exception-fqcn", "java.lang.IllegalArgumentException".getBytes(StandardCharsets.UTF_8));
                headers.add("kafka_dlt-exception-message", ("bad event " + i).getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(DLT, null, ("check-" + i).getBytes(StandardCharsets.UTF_8),
                        ("{\"checkId\":\"check-" + i + "\"}").getBytes(StandardCharsets.UTF_8), headers)).get();
            }
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DeadLetters deadLetters = new DeadLetters(broker.getBrokersAsString(), new PrintStream(printed, true, StandardCharsets.UTF_8));

        Map<String, long[]> topics = deadLetters.listTopics();
        assertThat(topics).containsOnlyKeys(DLT);
        assertThat(topics.get(DLT)).containsExactly(3, 0);
        assertThat(deadLetters.listRecords(DLT, 50)).hasSize(3);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("java.lang.IllegalArgumentException: bad event 1")
                .contains("original:  " + TOPIC + " offset 41 (partition 0)")
                .contains("{\"checkId\":\"check-2\"}");

        assertThat(deadLetters.replay(DLT, null)).isEqualTo(new DeadLetters.Result(3, 0));
        // a second replay finds nothing new: the group's committed offsets record the progress
        assertThat(deadLetters.replay(DLT, null)).isEqualTo(new DeadLetters.Result(0, 0));
        assertThat(deadLetters.listTopics().get(DLT)).containsExactly(3, 3);

        List<ConsumerRecord<byte[], byte[]>> replayed = readAll(TOPIC, 3);
        assertThat(replayed).hasSize(3);
        for (ConsumerRecord<byte[], byte[]> record : replayed) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"checkId\":\"" + key + "\"}");
            assertThat(record.headers().lastHeader("__TypeId__")).isNotNull();
            record.headers().forEach(header -> assertThat(header.key()).doesNotStartWith("kafka_dlt-"));
        }

        // --from replays again on purpose
        assertThat(deadLetters.replay(DLT, 0L).replayed()).isEqualTo(3);
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // nothing more than expected arrives
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
