package com.autochec.audit.checkpoint;

import com.autochec.contracts.Topics;
import com.autochec.contracts.audit.AuditCheckpoint;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkpoints on the compacted topic {@link Topics#AUDIT_CHECKPOINT} (one key: the latest survives compaction).
 * Reading takes the topic from its start with a consumer of no group (assign, no commits).
 */
class CheckpointTopic {

    private static final Logger log = LoggerFactory.getLogger(CheckpointTopic.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaProperties properties;
    private final JsonMapper json;

    CheckpointTopic(KafkaTemplate<String, byte[]> kafka, KafkaProperties properties, JsonMapper json) {
        this.kafka = kafka;
        this.properties = properties;
        this.json = json;
    }

    /** Sends and waits for the broker's acknowledgement (bounded). */
    void publish(AuditCheckpoint checkpoint) throws Exception {
        kafka.send(Topics.AUDIT_CHECKPOINT, AuditCheckpoint.CHAIN_KEY, json.writeValueAsBytes(checkpoint))
                .get(10, TimeUnit.SECONDS);
    }

    /** The last checkpoint on the topic, empty when none or when the broker does not answer in time. */
    Optional<AuditCheckpoint> latest() {
        Map<String, Object> config = new HashMap<>(properties.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.AUDIT_CHECKPOINT, READ_TIMEOUT);
            if (infos == null || infos.isEmpty()) return Optional.empty();
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            AuditCheckpoint last = null;
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, READ_TIMEOUT) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) continue;
                    try {
                        AuditCheckpoint checkpoint = json.readValue(record.value(), AuditCheckpoint.class);
                        if (last == null || checkpoint.sequence() >= last.sequence()) last = checkpoint;
                    } catch (JacksonException unreadable) {
                        log.warn("Unreadable record at offset {} of {}", record.offset(), Topics.AUDIT_CHECKPOINT);
                    }
                }
            }
            return Optional.ofNullable(last);
        } catch (RuntimeException e) {
            log.warn("Cannot read {}: {}", Topics.AUDIT_CHECKPOINT, e.toString());
            return Optional.empty();
        }
    }
}
