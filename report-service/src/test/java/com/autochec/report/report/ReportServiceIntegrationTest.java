package com.autochec.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.contracts.Topics;
import com.autochec.contracts.check.CheckCompleted;
import com.autochec.localstack.testing.BeanFaults;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/** The whole service against a real KRaft broker and the MongoDB wire server. */
@SpringBootTest
@AutoConfigureMockMvc
@Import({EmbeddedInfrastructure.class, ReportIssuerFaults.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportServiceIntegrationTest {

    private static final String DLT = Topics.CHECK_COMPLETED + Topics.DEAD_LETTER_SUFFIX;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    com.autochec.platform.objectstore.ObjectStore objects;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    ReportIssuerFaults faults;

    private KafkaTemplate<String, CheckCompleted> checks;
    private KafkaTemplate<String, byte[]> raw;

    @BeforeAll
    void producers() {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        checks = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new JacksonJsonSerializer<CheckCompleted>()));
        raw = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new ByteArraySerializer()));
    }

    @AfterAll
    void closeProducers() {
        checks.getProducerFactory().reset();
        raw.getProducerFactory().reset();
    }

    /** Same partition for every record of a test, so the marker is processed after what precedes it. */
    private void publish(CheckCompleted check) throws Exception {
        checks.send(Topics.CHECK_COMPLETED, 0, check.checkId(), check).get();
    }

    private long reportsOf(String checkId) {
        return mongo.count(Query.query(Criteria.where("checkId").is(checkId)), Report.class);
    }

    private void awaitReport(String checkId) {
        await().atMost(PATIENCE).until(() -> reportsOf(checkId) == 1);
    }

    @Test
    void aRedeliveredCheckGivesOneReportDownloadableByItsAgentOnly() throws Exception {
        String checkId = UUID.randomUUID().toString();
        CheckCompleted check = Checks.agentCheck(checkId);
        CheckCompleted publicCheck = Checks.check(UUID.randomUUID().toString(),
                new CheckCompleted.Requester(null, null, "public", null), "OK");
        CheckCompleted ownerCheck = Checks.check(UUID.randomUUID().toString(),
                new CheckCompleted.Requester("00000000-0000-4000-8000-000000000003", "owner", "owner", null), "OK");
        CheckCompleted notFound = Checks.check(UUID.randomUUID().toString(), check.requester(), "NOT_FOUND");
        String markerId = UUID.randomUUID().toString();

        publish(check);
        publish(check);
        publish(publicCheck);
        publish(ownerCheck);
        publish(notFound);
        publish(Checks.agentCheck(markerId));
        awaitReport(markerId);

        assertThat(reportsOf(checkId)).isEqualTo(1);
        assertThat(reportsOf(publicCheck.checkId())).isZero();
        assertThat(reportsOf(ownerCheck.checkId())).as("the owner's check of their own vehicle").isEqualTo(1);
        assertThat(reportsOf(notFound.checkId())).isZero();

        byte[] pdf = mvc.perform(get("/api/checks/{id}/report", checkId)
                        .with(jwt().jwt(j -> j.subject(Checks.AGENT_SUBJECT).claim("roles", List.of("agent")))
                                .authorities(new SimpleGrantedAuthority("ROLE_agent"))))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // the file is in the object store; the report document holds only its key, size and hash
        org.bson.Document stored = mongo.getCollection("reports").find(new org.bson.Document("checkId", checkId)).first();
        assertThat(stored).doesNotContainKey("pdf");
        assertThat(stored.getString("pdfKey")).isEqualTo("reports/" + stored.getString("_id") + ".pdf");
        assertThat(((Number) stored.get("pdfSize")).longValue()).isEqualTo(pdf.length);
        assertThat(stored.getString("sha256")).isEqualTo(ReportContent.sha256(pdf));
        assertThat(stored.toJson().length()).as("report document size").isLessThan(2_048);
        try (var object = objects.get(stored.getString("pdfKey")).orElseThrow()) {
            assertThat(object.readAllBytes()).isEqualTo(pdf);
        }

        mvc.perform(get("/api/checks/{id}/report", checkId)
                        .with(jwt().jwt(j -> j.subject("another-agent").claim("roles", List.of("agent")))
                                .authorities(new SimpleGrantedAuthority("ROLE_agent"))))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/not-found"));

        mvc.perform(get("/api/checks/{id}/report", publicCheck.checkId())
                        .with(jwt().jwt(j -> j.subject(Checks.ADMIN_SUBJECT).claim("roles", List.of("admin")))
                                .authorities(new SimpleGrantedAuthority("ROLE_admin"))))
                .andExpect(status().isNotFound());

        // the downloaded file is recognised as authentic by the public verify endpoint
        mvc.perform(multipart("/api/reports/verify").file(new MockMultipartFile("file", "r.pdf", "application/pdf", pdf)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authentic").value(true))
                .andExpect(jsonPath("$.signatureValid").value(true))
                .andExpect(jsonPath("$.signedByAutochec").value(true))
                .andExpect(jsonPath("$.result").value("GENUINE"))
                .andExpect(jsonPath("$.report.reportId").isNotEmpty());

        byte[] altered = pdf.clone();
        altered[altered.length / 3] ^= 0x01;
        mvc.perform(multipart("/api/reports/verify").file(new MockMultipartFile("file", "r.pdf", "application/pdf", altered)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authentic").value(false))
                .andExpect(jsonPath("$.issued").value(false));
    }

    @Test
    void aPhotoChecksReportPrintsTheEvidencePhotoVerificationServiceStored() throws Exception {
        String checkId = UUID.randomUUID().toString();
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(240, 60,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        var png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(photo, "png", png);
        // where verification-service's PhotoEvidenceStore puts it: its own store, keyed by the upload's UTC day
        objects.ofService("verification-service").put("plate-photos/2025-05-12/" + checkId, png.toByteArray(), "image/png");
        assertThat(objects.get("plate-photos/2025-05-12/" + checkId)).as("not in report-service's own store").isEmpty();

        publish(Checks.agentCheck(checkId));
        awaitReport(checkId);

        String key = mongo.getCollection("reports").find(new org.bson.Document("checkId", checkId)).first().getString("pdfKey");
        try (var object = objects.get(key).orElseThrow();
                var document = org.apache.pdfbox.Loader.loadPDF(object.readAllBytes())) {
            assertThat(ReportRenderingTest.images(document.getPage(0))).as("the QR code and the photo").hasSize(2);
        }
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextOneIsProcessed() throws Exception {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "dlt-reader-" + UUID.randomUUID(), false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, byte[]> dlt = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                        new ByteArrayDeserializer())
                .createConsumer()) {
            dlt.subscribe(List.of(DLT));
            String poisonKey = "poison-" + UUID.randomUUID();
            String nextId = UUID.randomUUID().toString();

            raw.send(Topics.CHECK_COMPLETED, 0, poisonKey, "{not json".getBytes(StandardCharsets.UTF_8)).get();
            publish(Checks.agentCheck(nextId));

            awaitReport(nextId);
            ConsumerRecord<String, byte[]> dead = await().atMost(PATIENCE).until(
                    () -> {
                        for (ConsumerRecord<String, byte[]> record : KafkaTestUtils.getRecords(dlt, Duration.ofMillis(500))) {
                            if (poisonKey.equals(record.key())) {
                                return record;
                            }
                        }
                        return null;
                    },
                    record -> record != null);
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        }
    }

    @Test
    void aTransientFailureIsRetriedUntilTheReportIsIssuedNotDeadLettered() throws Exception {
        CheckCompleted check = Checks.agentCheck(UUID.randomUUID().toString());
        // more failures than the retries a failure of unknown kind gets before the dead letters
        BeanFaults.Fault outage = faults.fail(ReportIssuer.class, "issue",
                args -> args[0] instanceof CheckCompleted c && check.checkId().equals(c.checkId()), 4,
                () -> new DataAccessResourceFailureException("MongoDB unavailable"));

        publish(check);

        awaitReport(check.checkId());
        assertThat(outage.calls()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theCheckIdIndexIsUnique() {
        String checkId = UUID.randomUUID().toString();
        Report first = new Report(UUID.randomUUID().toString(), checkId, "AB-123-CD", "OK", "s", "agent", null, null,
                java.time.Instant.now(), "h1", "c1", "reports/x1.pdf", 0);
        Report second = new Report(UUID.randomUUID().toString(), checkId, "AB-123-CD", "OK", "s", "agent", null, null,
                java.time.Instant.now(), "h2", "c2", "reports/x2.pdf", 0);
        mongo.insert(first);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mongo.insert(second))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(reportsOf(checkId)).isEqualTo(1);
    }

    @Test
    void verificationPageOfAnIssuedReportIsPublic() throws Exception {
        String checkId = UUID.randomUUID().toString();
        publish(Checks.agentCheck(checkId));
        awaitReport(checkId);
        Report report = mongo.findOne(Query.query(Criteria.where("checkId").is(checkId)), Report.class);

        mvc.perform(get("/api/reports/{id}/verification", report.id()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reportId").value(report.id()))
                .andExpect(jsonPath("$.checkId").value(checkId))
                .andExpect(jsonPath("$.verdict").value("FAIL"))
                .andExpect(jsonPath("$.sha256").value(report.sha256()))
                .andExpect(jsonPath("$.signed").value(true));
        mvc.perform(get("/verify/{id}", report.id()).accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Non conforme")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(report.sha256())));
    }

    @Test
    void anOwnerSharesTheReportOfTheirOwnCheckForALimitedTimeAndEveryOpeningIsAudited() throws Exception {
        String owner = "00000000-0000-4000-8000-000000000003";
        CheckCompleted ownerCheck = Checks.check(UUID.randomUUID().toString(),
                new CheckCompleted.Requester(owner, "owner", "owner", null), "OK");
        publish(ownerCheck);
        awaitReport(ownerCheck.checkId());
        Report report = mongo.findOne(Query.query(Criteria.where("checkId").is(ownerCheck.checkId())), Report.class);
        var asOwner = jwt().jwt(j -> j.subject(owner).claim("roles", List.of("owner")));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/reports/{id}/shares", report.id()).contentType("application/json")
                        .content("{\"days\":31}").with(asOwner))
                .andExpect(status().isBadRequest());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/reports/{id}/shares", report.id())
                        .with(jwt().jwt(j -> j.subject(Checks.AGENT_SUBJECT).claim("roles", List.of("agent")))))
                .andExpect(status().isForbidden());
        String created = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/reports/{id}/shares", report.id()).with(asOwner))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String token = created.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        org.assertj.core.api.Assertions.assertThat(created).contains("/verify/shared/" + token);

        String page = mvc.perform(get("/verify/shared/{token}", token).header("Accept", "text/html"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(page).contains("Rapport partagé").doesNotContain("Odile");
        byte[] pdf = mvc.perform(get("/verify/shared/{token}/pdf", token))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        org.assertj.core.api.Assertions.assertThat(ReportContent.sha256(pdf)).isEqualTo(report.sha256());
        byte[] english = mvc.perform(get("/verify/shared/{token}/pdf", token).param("lang", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        org.assertj.core.api.Assertions.assertThat(english).isNotEqualTo(pdf);

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .delete("/api/reports/{id}/shares/{token}", report.id(), token).with(asOwner))
                .andExpect(status().isNoContent());
        mvc.perform(get("/verify/shared/{token}", token).header("Accept", "text/html"))
                .andExpect(status().isNotFound());

        // shared, opened, downloaded twice, revoked: five audit events, all published to the report audit topic
        await().atMost(PATIENCE).until(() -> mongo.count(Query.query(Criteria.where("key").is(report.id())
                .and("published").is(true)), ReportAuditOutbox.Pending.class) == 5);
    }
}
