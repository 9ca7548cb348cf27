package com.autochec.document;

import static com.autochec.document.web.TestJwts.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.contracts.Topics;
import com.autochec.contracts.audit.AuditAction;
import com.autochec.contracts.audit.AuditEvent;
import com.autochec.contracts.document.DocumentStatus;
import com.autochec.document.document.DocumentStateOutbox;
import com.autochec.document.document.VehicleDocument;
import com.autochec.document.testing.TestFiles;
import com.autochec.localstack.testing.BeanFaults;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.autochec.localstack.testing.TopicRecords;
import com.autochec.platform.outbox.EmbeddedAuditOutbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The crash window between a change and its audit record (issue #10): the process "dies" right after the
 * document write (an exception where the relay would be kicked), and the relay "dies" after sending an audit
 * event but before marking it. Every change that was written carries its audit event and reaches the audit topic;
 * a re-sent event keeps its event id (audit-service keeps one entry per event id).
 */
@SpringBootTest(properties = {
    "autochec.platform.outbox.sweep-interval=PT0.3S",
    "autochec.platform.object-store.directory=target/test-objects"
})
@AutoConfigureMockMvc
@Import({EmbeddedInfrastructure.class, ChangeAuditCrashIntegrationTest.Crashes.class})
class ChangeAuditCrashIntegrationTest {

    /** The crashes, planned while the relays run every 0.3 s (see {@link BeanFaults}). */
    static class Crashes extends BeanFaults {
        Crashes() {
            super(DocumentStateOutbox.class, EmbeddedAuditOutbox.class);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    Crashes crashes;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void aCrashRightAfterAChangeLeavesTheChangeWithItsAuditEventWhichReachesTheTopicUnderOneEventId() throws Exception {
        String vin = "VF1RFB00X1234567" + (char) ('0' + new java.util.Random().nextInt(10));
        // 1. upload: the process dies right after the document write, before anything else runs
        crashes.fail(DocumentStateOutbox.class, "kick", Integer.MAX_VALUE,
                () -> new IllegalStateException("crash after the write"));
        // and the audit relay dies once after sending, before marking: the next pass sends the events again
        BeanFaults.Fault relayCrash = crashes.fail(EmbeddedAuditOutbox.class, "markPublished", 1,
                () -> new IllegalStateException("relay crash before the mark"));
        mvc.perform(multipart("/api/documents")
                        .file(new MockMultipartFile("file", "cert.png", "image/png", TestFiles.png(30, 20)))
                        .param("type", "INSURANCE")
                        .param("vin", vin)
                        .with(admin()))
                .andExpect(status().is5xxServerError());
        List<VehicleDocument> stored = mongo.find(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("vin").is(vin)),
                VehicleDocument.class);
        assertThat(stored).hasSize(1);
        String id = stored.get(0).id();
        // the change exists, so does its record: in the same document until the relay marks it sent
        var audit = stored.get(0).audit();
        assertThat(audit.published() || audit.events().stream()
                .anyMatch(e -> e.action().equals(AuditAction.DOCUMENT_UPLOADED) && id.equals(e.resourceId())))
                .as("the uploaded document carries its audit event").isTrue();
        String uploadEventId = awaitOnTopic(id, AuditAction.DOCUMENT_UPLOADED);

        // 2. rejection: the same crash right after the write
        relayCrash.stop();
        mvc.perform(post("/api/documents/" + id + "/reject").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"illisible\"}"))
                .andExpect(status().is5xxServerError());
        assertThat(mongo.findById(id, VehicleDocument.class).status()).isEqualTo(DocumentStatus.REJECTED);
        awaitOnTopic(id, AuditAction.DOCUMENT_DECIDED);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                mongo.findById(id, VehicleDocument.class).audit().published());

        // every event of this document on the topic: one event id per change, however often it was sent
        Map<String, Long> byEventId = auditRecords(id).stream()
                .collect(Collectors.groupingBy(AuditEvent::eventId, Collectors.counting()));
        Map<String, List<String>> actions = auditRecords(id).stream().distinct()
                .collect(Collectors.groupingBy(AuditEvent::action,
                        Collectors.mapping(AuditEvent::eventId, Collectors.toList())));
        assertThat(actions.keySet()).containsExactlyInAnyOrder(AuditAction.DOCUMENT_UPLOADED, AuditAction.DOCUMENT_DECIDED);
        assertThat(actions.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(byEventId.get(uploadEventId)).as("the upload's event was sent again after the relay crash")
                .isGreaterThanOrEqualTo(2);
    }

    private String awaitOnTopic(String documentId, String action) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> auditRecords(documentId).stream()
                        .filter(e -> e.action().equals(action))
                        .map(AuditEvent::eventId)
                        .findFirst()
                        .orElse(null),
                Objects::nonNull);
    }

    private List<AuditEvent> auditRecords(String documentId) {
        return TopicRecords.read(broker.getBrokersAsString(), Topics.DOCUMENT_AUDIT).stream()
                .filter(r -> documentId.equals(r.key()))
                .map(ConsumerRecord::value)
                .map(json -> JSON.readValue(json, AuditEvent.class))
                .toList();
    }
}
