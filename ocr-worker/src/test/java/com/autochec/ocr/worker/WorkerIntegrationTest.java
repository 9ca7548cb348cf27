package com.autochec.ocr.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.autochec.contracts.Topics;
import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.ocr.DocumentRead;
import com.autochec.contracts.ocr.PlateRead;
import com.autochec.contracts.ocr.VinRead;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.autochec.ocr.bench.Degrader;
import com.autochec.ocr.bench.DocumentGenerator;
import com.autochec.ocr.bench.GeneratedDocument;
import com.autochec.ocr.testing.TestImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker end to end on a real (embedded) Kafka broker: image record in, PlateRead / DocumentRead
 * out, poison to the DLT. One Spring context for the whole module.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "autochec.ocr.concurrency=1")
@Import({EmbeddedInfrastructure.class, WorkerIntegrationTest.Topics40MB.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerIntegrationTest {

    /** The plate-image topic as its producer would declare it, accepting records larger than the worker's limit. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Topics40MB {
        @Bean
        NewTopic plateImageTopic() {
            return TopicBuilder.name(Topics.PLATE_IMAGE).partitions(6).replicas(1)
                    .config("max.message.bytes", String.valueOf(40 * 1024 * 1024)).build();
        }

        @Bean
        NewTopic vinImageTopic() {
            return TopicBuilder.name(Topics.VIN_IMAGE).partitions(3).replicas(1).build();
        }
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final Map<String, PlateRead> reads = new ConcurrentHashMap<>();
    private final Map<String, ConsumerRecord<String, byte[]>> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, VinRead> vinReads = new ConcurrentHashMap<>();
    private final Map<String, DocumentRead> documentReads = new ConcurrentHashMap<>();
    private final Map<String, ConsumerRecord<String, byte[]>> documentDeadLetters = new ConcurrentHashMap<>();
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> consumer;

    @AfterAll
    void close() {
        if (producer != null) {
            producer.close();
        }
        if (consumer != null) {
            consumer.close();
        }
    }

    @Test
    void publishesThePlateReadOfAPlatePhoto() {
        String id = send(TestImages.jpeg(TestImages.plateScene("AB-123-CD")), "image/jpeg");

        PlateRead read = awaitRead(id);
        assertThat(read.success()).isTrue();
        assertThat(read.requestId()).isEqualTo(id);
        assertThat(read.engine()).isEqualTo("ppocr-v4");
        assertThat(read.candidates()).isNotEmpty();
        PlateRead.PlateCandidate best = read.candidates().get(0);
        assertThat(best.text()).isEqualTo("AB123CD");
        assertThat(best.confidence()).isBetween(0.5, 1.0);
        assertThat(best.box()).isNotNull();
        assertThat(best.box().x()).isBetween(150, 260);
        assertThat(best.box().y()).isBetween(280, 330);
        assertThat(deadLetters).doesNotContainKey(id);
    }

    @Test
    void publishesTheVinReadOfAVinPlatePhoto() {
        String id = UUID.randomUUID().toString();
        send(Topics.VIN_IMAGE, id, TestImages.jpeg(TestImages.vinPlate("VF1RFB00X56789012", 2, 3)), "image/jpeg", null);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            poll();
            assertThat(vinReads).containsKey(id);
        });
        VinRead read = vinReads.get(id);
        assertThat(read.success()).as(read.text()).isTrue();
        assertThat(read.vin()).isEqualTo("VF1RFB00X56789012");
        assertThat(read.confidence()).isBetween(0.5, 1.0);
        assertThat(read.checkDigitValid()).isNull();
        assertThat(read.engine()).isEqualTo("tesseract-vin");
    }

    @Test
    void publishesTheColourEstimatedAroundThePlate() {
        String id = send(TestImages.jpeg(TestImages.plateScene("AB-123-CD")), "image/jpeg");

        PlateRead read = awaitRead(id);
        assertThat(read.colour()).isNotNull();
        assertThat(read.colour().confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void aRedeliveredRequestYieldsTheSameReading() {
        byte[] image = TestImages.jpeg(TestImages.plateScene("GH-456-JK"));
        String id = send(image, "image/jpeg");
        PlateRead first = awaitRead(id);
        reads.remove(id);
        send(id, image, "image/jpeg");
        PlateRead second = awaitRead(id);
        assertThat(second.eventId()).isEqualTo(first.eventId());
        assertThat(second.candidates()).isEqualTo(first.candidates());
    }

    @Test
    void aPdfRenamedJpgIsAFailedReadingAndDeadLettered() {
        assertFailedAndDeadLettered(send(TestImages.pdf(), "image/jpeg"), "NOT_AN_IMAGE");
    }

    @Test
    void aCorruptJpegIsAFailedReadingAndDeadLettered() {
        assertFailedAndDeadLettered(send(TestImages.corruptJpeg(), "image/jpeg"), "UNDECODABLE_IMAGE");
    }

    @Test
    void aPngDeclaring50000By50000PixelsIsRefusedBeforeDecoding() {
        assertFailedAndDeadLettered(send(TestImages.pngDeclaring(50_000, 50_000), "image/png"), "IMAGE_TOO_LARGE");
    }

    @Test
    void a30MegabyteRecordIsRefusedAndDeadLetteredWithoutItsValue() {
        String id = send(TestImages.oversized(30 * 1024 * 1024), "image/jpeg");
        assertFailedAndDeadLettered(id, "IMAGE_TOO_LARGE");
        ConsumerRecord<String, byte[]> dead = deadLetters.get(id);
        assertThat(dead.value()).isEmpty();
        assertThat(new String(dead.headers().lastHeader(ImageRecords.HEADER_ORIGINAL_SIZE).value(), StandardCharsets.UTF_8))
                .isEqualTo(String.valueOf(30 * 1024 * 1024));
    }

    @Test
    void exposesReadingMetricsForPrometheus() throws Exception {
        assertFailedAndDeadLettered(send(TestImages.pdf(), "application/pdf"), "NOT_AN_IMAGE");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("autochec_ocr_failures_total{")
                .contains("reason=\"NOT_AN_IMAGE\"")
                .contains("autochec_ocr_reading_seconds_bucket{")
                .contains("application=\"ocr-worker\"");
    }

    @Test
    void theProbesStayOpenWithoutATokenAndNothingElseIs() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        HttpResponse<String> other = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/env")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(401);
        assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void publishesTheFieldsOfAnInsuranceCertificatePhoto() {
        GeneratedDocument doc = new DocumentGenerator(42).generate(DocumentType.INSURANCE);
        String id = UUID.randomUUID().toString();
        send(Topics.DOCUMENT_IMAGE, id, new Degrader(42).degrade(doc.image()), "image/jpeg", "INSURANCE");

        DocumentRead read = awaitDocument(id);
        assertThat(read.success()).isTrue();
        assertThat(read.documentType()).isEqualTo("INSURANCE");
        assertThat(read.engine()).isEqualTo("tesseract-fra+eng");
        assertThat(read.fields()).extracting(DocumentRead.Field::name)
                .contains("INSURER", "POLICY_NUMBER", "PLATE", "VALID_FROM", "VALID_UNTIL");
        DocumentRead.Field plate = read.fields().stream().filter(f -> f.name().equals("PLATE")).findFirst().orElseThrow();
        assertThat(plate.value()).isEqualTo(doc.truth().get("PLATE"));
        assertThat(plate.valid()).isTrue();
        assertThat(plate.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void aDocumentWithoutAKnownTypeIsAFailedReadingAndDeadLettered() {
        String id = UUID.randomUUID().toString();
        send(Topics.DOCUMENT_IMAGE, id, TestImages.jpeg(TestImages.plateScene("AB-123-CD")), "image/jpeg", "PASSPORT");
        DocumentRead read = awaitDocument(id);
        assertThat(read.success()).isFalse();
        assertThat(read.failureReason()).isEqualTo("UNSUPPORTED_DOCUMENT_TYPE");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            poll();
            assertThat(documentDeadLetters).containsKey(id);
        });
    }

    @Test
    void aPdfSentAsADocumentImageIsAFailedReading() {
        String id = UUID.randomUUID().toString();
        send(Topics.DOCUMENT_IMAGE, id, TestImages.pdf(), "image/jpeg", "REGISTRATION");
        DocumentRead read = awaitDocument(id);
        assertThat(read.success()).isFalse();
        assertThat(read.failureReason()).isEqualTo("NOT_AN_IMAGE");
        assertThat(read.fields()).isEmpty();
    }

    private DocumentRead awaitDocument(String id) {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            poll();
            assertThat(documentReads).containsKey(id);
        });
        return documentReads.get(id);
    }

    private void assertFailedAndDeadLettered(String id, String reason) {
        PlateRead read = awaitRead(id);
        assertThat(read.success()).isFalse();
        assertThat(read.failureReason()).isEqualTo(reason);
        assertThat(read.candidates()).isEmpty();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            poll();
            assertThat(deadLetters).containsKey(id);
        });
        ConsumerRecord<String, byte[]> dead = deadLetters.get(id);
        assertThat(new String(dead.headers().lastHeader(ImageRecords.HEADER_FAILURE_REASON).value(), StandardCharsets.UTF_8))
                .isEqualTo(reason);
        assertThat(new String(dead.headers().lastHeader(Topics.HEADER_REQUEST_ID).value(), StandardCharsets.UTF_8))
                .isEqualTo(id);
    }

    private String send(byte[] value, String contentType) {
        String id = UUID.randomUUID().toString();
        send(id, value, contentType);
        return id;
    }

    private void send(String id, byte[] value, String contentType) {
        send(Topics.PLATE_IMAGE, id, value, contentType, null);
    }

    private synchronized void send(String topic, String id, byte[] value, String contentType, String documentType) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                    ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 40 * 1024 * 1024,
                    ProducerConfig.BUFFER_MEMORY_CONFIG, 96L * 1024 * 1024),
                    new StringSerializer(), new ByteArraySerializer());
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, id, value);
        if (documentType != null) {
            record.headers().add(Topics.HEADER_DOCUMENT_TYPE, documentType.getBytes(StandardCharsets.UTF_8));
        }
        record.headers().add(Topics.HEADER_REQUEST_ID, id.getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.HEADER_CONTENT_TYPE, contentType.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private PlateRead awaitRead(String id) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            poll();
            assertThat(reads).containsKey(id);
        });
        return reads.get(id);
    }

    private synchronized void poll() {
        if (consumer == null) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                    ConsumerConfig.GROUP_ID_CONFIG, "plate-worker-test",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(Topics.PLATE_READ, Topics.PLATE_IMAGE + Topics.DEAD_LETTER_SUFFIX,
                    Topics.DOCUMENT_READ, Topics.DOCUMENT_IMAGE + Topics.DEAD_LETTER_SUFFIX, Topics.VIN_READ));
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
            switch (r.topic()) {
                case Topics.PLATE_READ -> reads.put(r.key(), json.readValue(r.value(), PlateRead.class));
                case Topics.VIN_READ -> vinReads.put(r.key(), json.readValue(r.value(), VinRead.class));
                case Topics.DOCUMENT_READ -> documentReads.put(r.key(), json.readValue(r.value(), DocumentRead.class));
                case Topics.DOCUMENT_IMAGE + Topics.DEAD_LETTER_SUFFIX -> documentDeadLetters.put(r.key(), r);
                default -> deadLetters.put(r.key(), r);
            }
        }
    }
}
