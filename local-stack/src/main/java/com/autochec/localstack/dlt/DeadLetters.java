package com.autochec.localstack.dlt;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./autochec dlt list [TOPIC]} and {@code ./autochec dlt replay TOPIC [--from OFFSET]}: the dead letters the
 * services' {@code DefaultErrorHandler} + {@code DeadLetterPublishingRecoverer} wrote to {@code <topic>.dlt}.
 *
 * <p>{@code list} shows every {@code *.dlt} topic with its number of records (and how many a replay has already
 * re-published), or the records of one: partition, offset, timestamp, key, the failure headers Spring Kafka adds
 * ({@code kafka_dlt-exception-fqcn}, {@code -message}, {@code kafka_dlt-original-topic}, {@code -offset}) and the
 * start of the value.
 *
 * <p>{@code replay} re-publishes each record of {@code <topic>.dlt} to its original topic (the
 * {@code kafka_dlt-original-topic} header, else the name without {@code .dlt}) with its key, its value bytes and its
 * headers except the {@code kafka_dlt-*} ones, through an idempotent producer with {@code acks=all}. Progress is the
 * committed offset of the consumer group {@value #GROUP} on the DLT topic, committed once the batch is acknowledged
 * by the broker: running replay again re-publishes only what came after. A crash between the send and the commit
 * re-publishes that batch once more, which the consumers absorb (they are idempotent by event id). {@code --from}
 * moves the starting point (every partition) to OFFSET, e.g. {@code --from 0} to replay everything again.
 */
public final class DeadLetters {

    public static final String GROUP = "autochec-dlt-replay";
    public static final String SUFFIX = ".dlt";
    static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrap;
    private final PrintStream out;

    public DeadLetters(String bootstrap, PrintStream out) {
        this.bootstrap = bootstrap;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        List<String> rest = new ArrayList<>();
        Long from = null;
        int limit = 50;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap-servers" -> bootstrap = args[++i];
                case "--from" -> from = Long.parseLong(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                default -> rest.add(args[i]);
            }
        }
        DeadLetters deadLetters = new DeadLetters(bootstrap, System.out);
        String command = rest.isEmpty() ? "list" : rest.get(0);
        switch (command) {
            case "list" -> {
                if (rest.size() > 1) {
                    deadLetters.listRecords(dltName(rest.get(1)), limit);
                } else {
                    deadLetters.listTopics();
                }
            }
            case "replay" -> {
                if (rest.size() < 2) {
                    usage();
                }
                Result result = deadLetters.replay(dltName(rest.get(1)), from);
                System.exit(result.failed() > 0 ? 1 : 0);
            }
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: ./autochec dlt list [TOPIC] [--limit N] | ./autochec dlt replay TOPIC [--from OFFSET]");
        System.exit(2);
    }

    /** "autochec.plate.image" and "autochec.plate.image.dlt" both name the dead-letter topic. */
    static String dltName(String topic) {
        return topic.endsWith(SUFFIX) ? topic : topic + SUFFIX;
    }

    /** Every *.dlt topic: records (end - start offsets), replayed (the group's committed offsets), still to replay. */
    public Map<String, long[]> listTopics() throws Exception {
        Map<String, long[]> counts = new TreeMap<>();
        try (Admin admin = Admin.create(adminProperties());
                KafkaConsumer<byte[], byte[]> consumer = consumer(GROUP)) {
            TreeSet<String> topics = new TreeSet<>();
            for (String name : admin.listTopics().names().get()) {
                if (name.endsWith(SUFFIX)) {
                    topics.add(name);
                }
            }
            if (topics.isEmpty()) {
                out.println("no dead-letter topics (*.dlt) on " + bootstrap + ": nothing was ever dead-lettered");
                return counts;
            }
            out.printf("%-40s %8s %9s %9s%n", "dead-letter topic", "records", "replayed", "to replay");
            for (String topic : topics) {
                List<TopicPartition> partitions = partitions(consumer, topic);
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
                long records = 0;
                long replayed = 0;
                for (TopicPartition partition : partitions) {
                    records += end.get(partition) - begin.get(partition);
                    OffsetAndMetadata offset = committed.get(partition);
                    if (offset != null) {
                        replayed += Math.max(0, offset.offset() - begin.get(partition));
                    }
                }
                counts.put(topic, new long[] {records, replayed});
                out.printf("%-40s %8d %9d %9d%n", topic, records, replayed, records - replayed);
            }
        }
        return counts;
    }

    /** The records of one DLT topic (at most LIMIT, the oldest first). */
    public List<ConsumerRecord<byte[], byte[]>> listRecords(String topic, int limit) {
        List<ConsumerRecord<byte[], byte[]>> records = readAll(topic, null, limit);
        out.println(topic + ": " + records.size() + " record(s) shown" + (records.size() == limit ? " (--limit " + limit + ")" : ""));
        for (ConsumerRecord<byte[], byte[]> record : records) {
            out.printf("- partition %d offset %d at %s key %s%n", record.partition(), record.offset(),
                    Instant.ofEpochMilli(record.timestamp()), text(record.key(), 80));
            out.printf("    original:  %s offset %s (partition %s)%n", header(record, "kafka_dlt-original-topic"),
                    header(record, "kafka_dlt-original-offset"), header(record, "kafka_dlt-original-partition"));
            out.printf("    exception: %s: %s%n", header(record, "kafka_dlt-exception-fqcn"),
                    text(bytes(record, "kafka_dlt-exception-message"), 300));
            out.printf("    value:     %s%n", preview(record.value()));
        }
        return records;
    }

    public record Result(int replayed, int failed) {}

    /** Re-publishes the records of TOPIC (a DLT) not replayed yet (or from FROM on) to their original topics. */
    public Result replay(String topic, Long from) throws Exception {
        int replayed = 0;
        int failed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(GROUP);
                KafkaProducer<byte[], byte[]> producer = producer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = committed.get(partition);
                if (from != null) {
                    consumer.seek(partition, from);
                } else if (offset != null) {
                    consumer.seek(partition, offset.offset());
                } else {
                    consumer.seekToBeginning(List.of(partition));
                }
            }
            out.println("replaying " + topic + " (consumer group " + GROUP + ")");
            while (!caughtUp(consumer, partitions, end)) {
                var batch = consumer.poll(POLL);
                Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
                List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    String target = header(record, "kafka_dlt-original-topic");
                    if (target == null || target.isBlank()) {
                        target = topic.substring(0, topic.length() - SUFFIX.length());
                    }
                    RecordHeaders headers = new RecordHeaders();
                    for (Header header : record.headers()) {
                        if (!header.key().startsWith("kafka_dlt-")) {
                            headers.add(header);
                        }
                    }
                    // No partition given: the key decides, as for the original record (per-entity ordering).
                    sends.add(producer.send(new ProducerRecord<>(target, null, record.key(), record.value(), headers)));
                    out.printf("  %s[%d]@%d -> %s key %s%n", topic, record.partition(), record.offset(), target,
                            text(record.key(), 60));
                    progress.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                producer.flush();
                boolean batchOk = true;
                for (var send : sends) {
                    try {
                        send.get();
                        replayed++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        failed++;
                        batchOk = false;
                        out.println("  send failed: " + e.getCause());
                    }
                }
                if (!batchOk) {
                    out.println("stopped: a record could not be re-published; progress not committed for this batch");
                    break;
                }
                if (!progress.isEmpty()) {
                    consumer.commitSync(progress);
                }
            }
        }
        out.println("replayed " + replayed + " record(s) of " + topic + (failed > 0 ? ", " + failed + " failed" : ""));
        return new Result(replayed, failed);
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic, Long from, int limit) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(null)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (records.size() < limit && !caughtUp(consumer, partitions, end)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (records.size() < limit) {
                        records.add(record);
                    }
                }
            }
        }
        records.sort(java.util.Comparator.comparingLong(ConsumerRecord::timestamp));
        return records;
    }

    private List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("no topic " + topic + " on " + bootstrap
                    + " (./autochec dlt list shows the dead-letter topics)");
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        return partitions;
    }

    private Properties adminProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return properties;
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        if (group != null) {
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, GROUP);
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    static String header(ConsumerRecord<?, ?> record, String key) {
        byte[] value = bytes(record, key);
        if (value == null) {
            return null;
        }
        if (key.endsWith("-offset") && value.length == 8) {
            return Long.toString(java.nio.ByteBuffer.wrap(value).getLong());
        }
        if (key.endsWith("-partition") && value.length == 4) {
            return Integer.toString(java.nio.ByteBuffer.wrap(value).getInt());
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : header.value();
    }

    private static String text(byte[] bytes, int max) {
        if (bytes == null) {
            return "(none)";
        }
        String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** The value's start as text, or its size and first bytes in hex when it is binary (an image). */
    static String preview(byte[] value) {
        if (value == null) {
            return "(null)";
        }
        int control = 0;
        for (int i = 0; i < Math.min(value.length, 64); i++) {
            int b = value[i] & 0xff;
            if (b < 0x09 || (b > 0x0d && b < 0x20)) {
                control++;
            }
        }
        if (control > 0) {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < Math.min(value.length, 16); i++) {
                hex.append(String.format("%02x", value[i]));
            }
            return value.length + " bytes, binary: " + hex + (value.length > 16 ? "…" : "");
        }
        return value.length + " bytes: " + text(value, 200);
    }
}
