package com.autochec.document;

import static com.autochec.document.web.TestJwts.admin;
import static com.autochec.document.web.TestJwts.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.contracts.Topics;
import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.ocr.DocumentRead;
import com.autochec.contracts.vehicle.OwnerSnapshot;
import com.autochec.contracts.vehicle.VehicleSnapshot;
import com.autochec.contracts.vehicle.VehicleStateChanged;
import com.autochec.document.document.VehicleDocument;
import com.autochec.document.web.TestJwts;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.autochec.platform.kafka.PoisonRecordException;
import com.autochec.platform.objectstore.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(properties = {
    "autochec.platform.outbox.sweep-interval=PT0.3S",
    "autochec.platform.object-store.directory=target/test-objects"
})
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class DocumentServiceIntegrationTest {

    static final String HEADER = "document_id,vin,plate,type,issuer,reference,valid_from,valid_until,result,status\n";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    ObjectStore objects;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void importPublishesDocumentStateOnceAndReimportPublishesNothing() throws Exception {
        String a = "it-" + UUID.randomUUID();
        String b = "it-" + UUID.randomUUID();
        String csv = HEADER
                + a + ",VF1RFB00X12345678,AB-123-CD,INSURANCE,MAIF,POL-1,2025-01-01,2025-12-31,,VALIDATED\n"
                + b + ",VF1RFB00X12345678,AB-123-CD,INSPECTION,Dekra,CT-1,2024-03-01,2026-02-28,FAVOURABLE,\n"
                + "bad-1,VF1RFB00O12345678,AB-123-CD,INSURANCE,MAIF,POL-2,2025-01-01,2025-12-31,,VALIDATED\n";
        mvc.perform(post("/api/documents/import").with(admin()).contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(0))
                .andExpect(jsonPath("$.errors[0].line").value(4));

        try (KafkaConsumer<String, String> consumer = consumer(StringDeserializer.class, Topics.DOCUMENT_STATE)) {
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                seen.addAll(drain(consumer));
                assertThat(keys(seen, a, b)).containsExactlyInAnyOrder(a, b);
            });
            JsonNode event = JSON.readTree(seen.stream().filter(r -> r.key().equals(b)).findFirst().orElseThrow().value());
            assertThat(event.get("documentId").asString()).isEqualTo(b);
            assertThat(event.get("version").asLong()).isEqualTo(1);
            assertThat(event.get("type").asString()).isEqualTo("INSPECTION");
            assertThat(event.get("result").asString()).isEqualTo("FAVOURABLE");
            assertThat(event.get("validUntil").asString()).isEqualTo("2026-02-28");

            mvc.perform(post("/api/documents/import").with(admin()).contentType("text/csv").content(csv))
                    .andExpect(jsonPath("$.created").value(0))
                    .andExpect(jsonPath("$.unchanged").value(2));
            // A later change of A is the marker: once it is on the topic, anything the re-import sent would be too.
            mvc.perform(post("/api/documents/import").with(admin()).contentType("text/csv")
                            .content(HEADER + a + ",VF1RFB00X12345678,AB-123-CD,INSURANCE,MAIF,POL-1B,2025-01-01,2025-12-31,,VALIDATED\n"))
                    .andExpect(jsonPath("$.updated").value(1));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                seen.addAll(drain(consumer));
                assertThat(keys(seen, a)).hasSize(2);
            });
            seen.addAll(drain(consumer));
            assertThat(keys(seen, b)).hasSize(1);
            assertThat(JSON.readTree(last(seen, a).value()).get("reference").asString()).isEqualTo("POL-1B");
        }
        mvc.perform(get("/api/documents").param("vin", "VF1RFB00X12345678").param("purpose", "ROADSIDE_CONTROL")
                        .with(TestJwts.agent()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + a + "')].version").value(2));
    }

    @Test
    void pendingOutboxEntryIsPublishedByTheSweep() throws Exception {
        String id = "sweep-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        Instant now = Instant.parse("2025-05-01T08:00:00Z");
        // As if the service crashed right after the write: no relay kick, only the outbox entry.
        mongo.insert(new VehicleDocument(id, "VF1RFB00X12345679", null, DocumentType.ROAD_TAX, DocumentStatus.VALIDATED,
                "DGFiP", "T-1", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), null,
                VehicleDocument.Source.IMPORT, null, null, null, List.of(), null, 4, now, now,
                new VehicleDocument.Outbox(eventId, 4, now, false), null, null));
        try (KafkaConsumer<String, String> consumer = consumer(StringDeserializer.class, Topics.DOCUMENT_STATE)) {
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                seen.addAll(drain(consumer));
                assertThat(keys(seen, id)).hasSize(1);
            });
            JsonNode event = JSON.readTree(last(seen, id).value());
            assertThat(event.get("eventId").asString()).isEqualTo(eventId);
            assertThat(event.get("version").asLong()).isEqualTo(4);
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                mongo.findById(id, VehicleDocument.class).outbox().published());
    }

    @Test
    void ownerUploadGoesToTheImageTopicAndOcrFieldsAreRecordedOnce() throws Exception {
        String vin = "VF3ABCDEFGH123456";
        kafka.send(Topics.VEHICLE_STATE, "veh-1", new VehicleStateChanged(UUID.randomUUID().toString(), Instant.now(),
                "veh-1", 3, new VehicleSnapshot("veh-1", "EF-456-GH", vin, "Peugeot", "208", null, 2020, "blue",
                        "M1", "PETROL", 5, 74, LocalDate.of(2020, 5, 1), false,
                        new OwnerSnapshot("o-1", "PERSON", "Odile Martin", null, null, "Lyon", null, TestJwts.OWNER_ID))))
                .get();
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById("veh-1", Map.class, "vehicle_owners") != null);

        byte[] png = com.autochec.document.testing.TestFiles.png(40, 30);
        String body = mvc.perform(multipart("/api/documents")
                        .file(new MockMultipartFile("file", "cert.png", "image/png", png))
                        .param("type", "INSURANCE")
                        .param("plate", "ef 456 gh")
                        .with(owner()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.vin").value(vin))
                .andReturn().getResponse().getContentAsString();
        String id = JSON.readTree(body).get("id").asString();

        try (KafkaConsumer<String, byte[]> consumer = consumer(ByteArrayDeserializer.class, Topics.DOCUMENT_IMAGE)) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                seen.addAll(drain(consumer));
                assertThat(keys(seen, id)).hasSize(1);
            });
            ConsumerRecord<String, byte[]> image = last(seen, id);
            assertThat(image.value()).isEqualTo(png);
            assertThat(header(image, Topics.HEADER_REQUEST_ID)).isEqualTo(id);
            assertThat(header(image, Topics.HEADER_CONTENT_TYPE)).isEqualTo("image/png");
            assertThat(header(image, Topics.HEADER_DOCUMENT_TYPE)).isEqualTo("INSURANCE");
        }

        var read = new DocumentRead(UUID.randomUUID().toString(), Instant.now(), id, "INSURANCE", true, null,
                List.of(new DocumentRead.Field("VIN", vin, 0.97, true), new DocumentRead.Field("PLATE", "EF-999-GH", 0.8, true)),
                "tess4j", 420);
        kafka.send(Topics.DOCUMENT_READ, id, read).get();
        kafka.send(Topics.DOCUMENT_READ, id, read).get();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                mongo.findById(id, VehicleDocument.class).extraction() != null);
        mvc.perform(get("/api/documents").with(owner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].extraction.fields[0].value").value(vin))
                .andExpect(jsonPath("$[0].extraction.mismatches[0]").value("PLATE_MISMATCH"))
                .andExpect(jsonPath("$[0].flags[0]").value("PLATE_MISMATCH"));
        mvc.perform(get("/api/documents").param("vin", "VF1RFB00X12345678").with(owner()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/documents/" + id + "/validate").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"));
        mvc.perform(post("/api/documents/" + id + "/validate").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validFrom\":\"2025-01-01\",\"validUntil\":\"2025-12-31\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.validUntil").value("2025-12-31"))
                .andExpect(jsonPath("$.datesConfirmed").value(true))
                .andExpect(jsonPath("$.status").value("VALIDATED"))
                .andExpect(jsonPath("$.version").value(2));
        assertThat(mongo.findById(id, VehicleDocument.class).readEventIds()).containsExactly(read.eventId());
    }

    VehicleDocument pendingUpload(String id, String vin, String plate, Instant createdAt) {
        var d = new VehicleDocument(id, vin, plate, DocumentType.INSURANCE, DocumentStatus.PENDING, null, null, null, null,
                null, VehicleDocument.Source.UPLOAD, TestJwts.OWNER_ID,
                new VehicleDocument.StoredImage("documents/" + id, "image/png", 10, "0".repeat(64), createdAt, true),
                new VehicleDocument.Extraction("e-" + id, true, null, "tess4j", createdAt, List.of(
                        new VehicleDocument.ExtractedField("POLICY_NUMBER", "POL-" + id, 0.9, true),
                        new VehicleDocument.ExtractedField("VALID_FROM", "2026-01-01", 0.9, true),
                        new VehicleDocument.ExtractedField("VALID_UNTIL", "2026-12-31", 0.9, true)), List.of()),
                List.of(), null, 1, createdAt, createdAt, new VehicleDocument.Outbox(UUID.randomUUID().toString(), 1, createdAt, true),
                null, null);
        mongo.insert(d);
        return d;
    }

    @Test
    void thePendingQueueIsPagedOldestFirstAndValidationPublishesOnlyConfirmedDates() throws Exception {
        String vin = "VF1RFB00X1234567" + (char) ('0' + new java.util.Random().nextInt(10));
        // far in the past: before anything else the other tests leave pending
        String a = "q-a-" + UUID.randomUUID();
        String b = "q-b-" + UUID.randomUUID();
        String c = "q-c-" + UUID.randomUUID();
        pendingUpload(c, vin, "QQ-123-QC", Instant.parse("2001-01-03T00:00:00Z"));
        pendingUpload(a, vin, "QQ-123-QA", Instant.parse("2001-01-01T00:00:00Z"));
        pendingUpload(b, vin, "QQ-123-QB", Instant.parse("2001-01-02T00:00:00Z"));

        mvc.perform(get("/api/documents").param("status", "PENDING").param("size", "2").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(a))
                .andExpect(jsonPath("$.items[1].id").value(b))
                .andExpect(jsonPath("$.items[0].fileUrl").value("/api/documents/" + a + "/file"))
                .andExpect(jsonPath("$.items[0].proposal.reference").value("POL-" + a))
                .andExpect(jsonPath("$.items[0].proposal.validUntil").value("2026-12-31"))
                .andExpect(jsonPath("$.items[0].validUntil").doesNotExist())
                .andExpect(jsonPath("$.items[0].datesConfirmed").value(false))
                .andExpect(jsonPath("$.items[0].flags").isArray())
                .andExpect(jsonPath("$.hasNext").value(true));
        mvc.perform(get("/api/documents").param("status", "PENDING").param("size", "2").param("page", "1").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value(c));
        mvc.perform(get("/api/documents").param("status", "PENDING").with(TestJwts.agent()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/documents").param("status", "PENDING").param("size", "1000").with(admin()))
                .andExpect(status().isBadRequest());

        // validation: dates required; the CT result only for inspections; then the confirmed (corrected) dates count
        mvc.perform(post("/api/documents/" + a + "/validate").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validUntil\":\"2026-12-31\",\"result\":\"FAVORABLE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'validFrom')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'result')]").exists());
        mvc.perform(post("/api/documents/" + a + "/validate").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"validFrom\":\"2026-01-02\",\"validUntil\":\"2026-12-30\",\"reference\":\"POL-X\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VALIDATED"))
                .andExpect(jsonPath("$.validFrom").value("2026-01-02"))
                .andExpect(jsonPath("$.validUntil").value("2026-12-30"))
                .andExpect(jsonPath("$.reference").value("POL-X"));
        mvc.perform(post("/api/documents/" + b + "/reject").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/documents/" + b + "/reject").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"illisible\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.review.reason").value("illisible"));
        // the uploader sees the outcome in-app
        mvc.perform(get("/api/me/notifications").with(owner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.documentId == '" + b + "')].bodyFr").value("Votre document a été refusé : illisible"));

        try (KafkaConsumer<String, String> consumer = consumer(StringDeserializer.class, Topics.DOCUMENT_STATE)) {
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                seen.addAll(drain(consumer));
                assertThat(keys(seen, a, b)).contains(a, b);
            });
            JsonNode validated = JSON.readTree(last(seen, a).value());
            assertThat(validated.get("status").asString()).isEqualTo("VALIDATED");
            assertThat(validated.get("validUntil").asString()).isEqualTo("2026-12-30");
            assertThat(validated.get("datesConfirmed").asBoolean()).isTrue();
            assertThat(validated.get("confirmedAt").isNull()).isFalse();
            assertThat(validated.get("source").asString()).isEqualTo("UPLOAD");
            JsonNode rejected = JSON.readTree(last(seen, b).value());
            assertThat(rejected.get("datesConfirmed").asBoolean()).isFalse();
            assertThat(rejected.get("validUntil").isNull()).isTrue();
            // the contract reads back with its new fields
            var event = JSON.readValue(last(seen, a).value(), com.autochec.contracts.document.DocumentStateChanged.class);
            assertThat(event.datesConfirmed()).isTrue();
            assertThat(event.flags()).isEmpty();
        }
        try (KafkaConsumer<String, String> consumer = consumer(StringDeserializer.class, Topics.DOCUMENT_AUDIT)) {
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                seen.addAll(drain(consumer));
                assertThat(keys(seen, a)).isNotEmpty();
            });
            JsonNode decided = JSON.readTree(last(seen, a).value());
            assertThat(decided.get("action").asString()).isEqualTo("DOCUMENT_DECIDED");
            assertThat(decided.get("outcome").asString()).isEqualTo("VALIDATED");
            assertThat(decided.get("after").get("validUntil").asString()).isEqualTo("2026-12-30");
        }
    }

    @Test
    void anUploadKeepsItsBytesInTheObjectStoreAndOnlyMetadataInMongo() throws Exception {
        var noise = new java.awt.image.BufferedImage(1100, 1000, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var random = new java.util.Random(7);
        for (int y = 0; y < noise.getHeight(); y++) for (int x = 0; x < noise.getWidth(); x++) noise.setRGB(x, y, random.nextInt());
        byte[] png = com.autochec.document.testing.TestFiles.encode(noise, "png");
        assertThat(png.length).isGreaterThan(3 * 1024 * 1024);
        String body = mvc.perform(multipart("/api/documents")
                        .file(new MockMultipartFile("file", "scan.png", "image/png", png))
                        .param("type", "REGISTRATION")
                        .param("vin", "VF7ZZZZZZZZ123456")
                        .param("purpose", "ROADSIDE_CONTROL")
                        .with(TestJwts.agent()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.file.size").value(png.length))
                .andReturn().getResponse().getContentAsString();
        String id = JSON.readTree(body).get("id").asString();

        VehicleDocument stored = mongo.findById(id, VehicleDocument.class);
        assertThat(stored.image().key()).isEqualTo("documents/" + id);
        assertThat(stored.image().createdAt()).isNotNull();
        try (var object = objects.get(stored.image().key()).orElseThrow()) {
            assertThat(object.readAllBytes()).isEqualTo(png);
        }
        // nothing large anywhere in the service's database: only metadata
        for (String collection : mongo.getCollectionNames()) {
            for (org.bson.RawBsonDocument document :
                    mongo.getDb().getCollection(collection, org.bson.RawBsonDocument.class).find()) {
                assertThat(document.getByteBuffer().remaining())
                        .as("size of a document in %s", collection)
                        .isLessThan(64 * 1024);
            }
        }

        byte[] downloaded = mvc.perform(get("/api/documents/" + id + "/file").param("purpose", "ROADSIDE_CONTROL")
                        .with(TestJwts.agent()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Type", "image/png"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("ETag", "\"" + stored.image().sha256() + "\""))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(png);
        // an owner who does not own the vehicle cannot tell the document exists
        mvc.perform(get("/api/documents/" + id + "/file").with(owner()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOutboxPendingQueryIsServedByAnIndex() {
        assertThat(mongo.indexOps(VehicleDocument.class).getIndexInfo())
                .anySatisfy(index -> assertThat(index.isIndexForFields(List.of("outbox.published"))).isTrue());
    }

    @Test
    void anOcrReadingThatCanNeverBeRecordedGoesToTheDeadLetterTopicAtOnce() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        var read = new DocumentRead(null, Instant.now(), key, "INSURANCE", true, null, List.of(), "tess4j", 1);
        kafka.send(Topics.DOCUMENT_READ, key, read).get();

        try (KafkaConsumer<String, byte[]> consumer =
                consumer(ByteArrayDeserializer.class, Topics.DOCUMENT_READ + Topics.DEAD_LETTER_SUFFIX)) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                seen.addAll(drain(consumer));
                assertThat(keys(seen, key)).hasSize(1);
            });
            assertThat(header(last(seen, key), "kafka_dlt-exception-cause-fqcn"))
                    .isEqualTo(PoisonRecordException.class.getName());
        }
    }

    private <V> KafkaConsumer<String, V> consumer(Class<?> valueDeserializer, String topic) {
        var consumer = new KafkaConsumer<String, V>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        var partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Everything up to the current end of every assigned partition. */
    private static <V> List<ConsumerRecord<String, V>> drain(KafkaConsumer<String, V> consumer) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private static <V> List<String> keys(List<ConsumerRecord<String, V>> records, String... wanted) {
        List<String> keys = List.of(wanted);
        return records.stream().map(ConsumerRecord::key).filter(keys::contains).toList();
    }

    private static <V> ConsumerRecord<String, V> last(List<ConsumerRecord<String, V>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).reduce((x, y) -> y).orElseThrow();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

}
