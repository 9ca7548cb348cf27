package com.autochec.audit;

import static com.autochec.audit.web.TestJwts.OWNER_ID;
import static com.autochec.audit.web.TestJwts.admin;
import static com.autochec.audit.web.TestJwts.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.audit.log.AuditEntry;
import com.autochec.audit.log.AuditLog;
import com.autochec.contracts.Topics;
import com.autochec.contracts.check.CheckCompleted;
import com.autochec.localstack.testing.BeanFaults;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@Import({EmbeddedInfrastructure.class, AuditServiceIntegrationTest.AuditLogFaults.class})
class AuditServiceIntegrationTest {

    /** Outages of {@link AuditLog}, planned mid-test while the consumers run (see {@link BeanFaults}). */
    static class AuditLogFaults extends BeanFaults {
        AuditLogFaults() {
            super(AuditLog.class);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditLogFaults faults;

    @MockitoBean
    JwtDecoder jwtDecoder;

    static CheckCompleted check(String eventId, String plate, String role, String organisation) {
        return new CheckCompleted(eventId, Instant.parse("2025-06-01T10:15:30.123456Z"), "chk-" + eventId,
                Instant.parse("2025-06-01T10:15:30Z"), "TYPED", plate, "WARNING",
                List.of(new CheckCompleted.Reason("INSURANCE_EXPIRED", "WARNING", "Insurance expired")),
                new CheckCompleted.Requester("agent".equals(role) ? "sub-agent" : null,
                        "agent".equals(role) ? "agent" : null, role, organisation),
                "roadside check",
                new CheckCompleted.CheckedVehicle("veh-1", "VF1RFB00X12345678", "Renault", "Clio", 2019, "grey",
                        "PETROL", "Odile Martin", "Lyon", OWNER_ID),
                List.of(), null);
    }

    /**
     * The broker creates the audited topics as the service subscribes to them (every audit topic, the dead-letter
     * topics, the checkpoints): on a busy machine the first send may come before the topic's metadata.
     */
    @org.junit.jupiter.api.BeforeEach
    void topicReady() {
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> !kafka.partitionsFor(Topics.CHECK_COMPLETED).isEmpty());
    }

    long entriesFor(String eventId) {
        return mongo.count(Query.query(Criteria.where("eventId").is(eventId)), AuditEntry.class);
    }

    @Test
    void aRedeliveredCheckIsAuditedOnceAndListedForAdmins() throws Exception {
        String eventId = UUID.randomUUID().toString();
        CheckCompleted event = check(eventId, "GH-321-JK", "agent", "Police nationale (démo)");
        kafka.send(Topics.CHECK_COMPLETED, event.checkId(), event).get();
        kafka.send(Topics.CHECK_COMPLETED, event.checkId(), event).get();
        // A later check is the marker that both deliveries were consumed.
        CheckCompleted marker = check(UUID.randomUUID().toString(), "GH-321-JK", "public", null);
        kafka.send(Topics.CHECK_COMPLETED, event.checkId(), marker).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesFor(marker.eventId()) == 1);
        assertThat(entriesFor(eventId)).isEqualTo(1);

        mvc.perform(get("/api/audit").param("plate", "gh 321 jk").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[?(@.checkId == 'chk-" + eventId + "')].verdict").value("WARNING"))
                .andExpect(jsonPath("$.items[?(@.checkId == 'chk-" + eventId + "')].occurredAt").value("2025-06-01T10:15:30.123Z"))
                .andExpect(jsonPath("$.items[?(@.checkId == 'chk-" + eventId + "')].reasonCodes[0]").value("INSURANCE_EXPIRED"))
                .andExpect(jsonPath("$.items[?(@.checkId == 'chk-" + eventId + "')].actor.organisation").value("Police nationale (démo)"));
        mvc.perform(get("/api/audit/my-vehicles").with(owner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vehicles[?(@.plate == 'GH-321-JK')].publicLookups").value(1))
                .andExpect(jsonPath("$.vehicles[?(@.plate == 'GH-321-JK')].consultations[0].purpose").value("roadside check"));
        mvc.perform(get("/api/audit/verify").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillAudited() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        byte[] poison = "{\"eventId\": not json".getBytes(StandardCharsets.UTF_8);
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.CHECK_COMPLETED, key, poison)).get();
        }
        CheckCompleted good = check(UUID.randomUUID().toString(), "LM-654-NP", "public", null);
        kafka.send(Topics.CHECK_COMPLETED, key, good).get(); // same key → same partition, behind the poison
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesFor(good.eventId()) == 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters())
                .anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo(key);
                    assertThat(r.value()).isEqualTo(poison);
                }));
    }

    @Test
    void anInvalidEventGoesToTheDeadLetterTopicAtOnce() throws Exception {
        CheckCompleted valid = check(UUID.randomUUID().toString(), "TU-456-VW", "public", null);
        CheckCompleted invalid = new CheckCompleted(valid.eventId(), null, valid.checkId(), valid.requestedAt(),
                valid.source(), valid.plate(), valid.verdict(), valid.reasons(), valid.requester(), valid.purpose(),
                valid.vehicle(), valid.documents(), valid.reading());
        BeanFaults.Fault appends = faults.count(AuditLog.class, "append",
                args -> args[0] instanceof AuditEntry draft && valid.eventId().equals(draft.eventId()));
        String key = "invalid-" + UUID.randomUUID();
        kafka.send(Topics.CHECK_COMPLETED, key, invalid).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deadLetters())
                .anySatisfy(r -> {
                    assertThat(r.key()).isEqualTo(key);
                    assertThat(header(r, "kafka_dlt-exception-cause-fqcn"))
                            .isEqualTo(com.autochec.audit.log.InvalidAuditEvent.class.getName());
                }));
        assertThat(entriesFor(valid.eventId())).isZero();
        assertThat(appends.calls()).isZero();
    }

    @Test
    void aTransientFailureIsRetriedUntilTheEventIsAuditedAndNeverDeadLettered() throws Exception {
        CheckCompleted event = check(UUID.randomUUID().toString(), "XY-789-ZA", "public", null);
        BeanFaults.Fault outage = faults.fail(AuditLog.class, "append",
                args -> args[0] instanceof AuditEntry draft && event.eventId().equals(draft.eventId()), 4,
                () -> new DataAccessResourceFailureException("MongoDB is unavailable"));
        String key = "transient-" + UUID.randomUUID();
        kafka.send(Topics.CHECK_COMPLETED, key, event).get();

        // More attempts than the retries an unknown failure gets: the outage is waited out.
        await().atMost(Duration.ofSeconds(30)).until(() -> entriesFor(event.eventId()) == 1);
        assertThat(outage.calls()).isEqualTo(5);
        assertThat(deadLetters()).noneSatisfy(r -> assertThat(r.key()).isEqualTo(key));
    }

    /** Everything on the dead-letter topic so far. */
    List<ConsumerRecord<String, byte[]>> deadLetters() {
        String dlt = Topics.CHECK_COMPLETED + Topics.DEAD_LETTER_SUFFIX;
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            var partitions = consumer.partitionsFor(dlt).stream().map(p -> new TopicPartition(dlt, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            return seen;
        }
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void concurrentAppendsKeepOneChain() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var appends = IntStream.range(0, 40)
                    .mapToObj(i -> CompletableFuture.runAsync(() -> auditLog.append(
                            com.autochec.audit.log.TestDrafts.draft(check(UUID.randomUUID().toString(), "PQ-987-RS", "public", null))), pool))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(appends).join();
        } finally {
            pool.shutdown();
        }
        var verification = auditLog.verify();
        assertThat(verification.valid()).isTrue();
        long total = mongo.count(new Query(), AuditEntry.class);
        assertThat(verification.entries()).isEqualTo(total);
        assertThat(mongo.count(Query.query(Criteria.where("plateKey").is("PQ987RS")), AuditEntry.class)).isEqualTo(40);
    }
}
