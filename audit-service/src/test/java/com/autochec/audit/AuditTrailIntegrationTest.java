package com.autochec.audit;

import static com.autochec.audit.web.TestJwts.admin;
import static com.autochec.audit.web.TestJwts.agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.audit.log.AuditEntry;
import com.autochec.audit.log.AuditLog;
import com.autochec.contracts.Topics;
import com.autochec.contracts.audit.AuditAction;
import com.autochec.contracts.audit.AuditEvent;
import com.autochec.contracts.check.CheckCompleted;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every producer's audit topic reaches the chain once per event, without e-mail or postal address; the admin
 * searches it by action and organisation, exports it as CSV that no spreadsheet runs as a formula, and reads the
 * statistics of the checks (agents may not).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class AuditTrailIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    AuditLog auditLog;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void auditEventsOfEveryTopicAreChainedOnceWithoutContactData() throws Exception {
        String organisation = "Garage Test " + UUID.randomUUID();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("colour", "grey");
        before.put("ownerStreet", "1 rue de la Paix");
        before.put("ownerEmail", "odile@example.org");
        Map<String, Object> after = Map.of("colour", "blue", "note", "écrire à odile@example.org");
        AuditEvent changed = new AuditEvent(UUID.randomUUID().toString(), Instant.parse("2025-06-01T10:00:00Z"),
                AuditAction.VEHICLE_CHANGED, new AuditEvent.Actor("s-1", "admin", "admin", organisation, null),
                null, null, "AB-123-CD", "veh-1", "acc-1", true, "VEHICLE", "veh-1", null, before, after,
                "contact: odile@example.org");
        AuditEvent viewed = new AuditEvent(UUID.randomUUID().toString(), Instant.parse("2025-06-01T10:05:00Z"),
                AuditAction.VEHICLE_VIEWED, new AuditEvent.Actor("s-2", "jean", "agent", organisation, "GARAGE"),
                "PRE_PURCHASE", null, "AB-123-CD", "veh-1", "acc-1", true, "VEHICLE", "veh-1", null, null, null, null);
        AuditEvent account = new AuditEvent(UUID.randomUUID().toString(), Instant.parse("2025-06-01T10:06:00Z"),
                AuditAction.ADMIN_ACTION, new AuditEvent.Actor("s-1", "admin", "admin", organisation, null),
                null, null, null, null, null, false, "ACCOUNT", "acc-9", "DISABLED", null, null, null);
        for (String topic : Topics.AUDIT_TOPICS) {
            assertThat(topic).isNotBlank();
        }
        kafka.send(Topics.VEHICLE_AUDIT, "veh-1", changed).get();
        kafka.send(Topics.VEHICLE_AUDIT, "veh-1", changed).get(); // redelivered
        kafka.send(Topics.VEHICLE_AUDIT, "veh-1", viewed).get();
        kafka.send(Topics.ACCOUNT_AUDIT, "acc-9", account).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> count(account.eventId()) == 1 && count(viewed.eventId()) == 1);
        assertThat(count(changed.eventId())).isEqualTo(1);

        AuditEntry stored = mongo.findOne(Query.query(Criteria.where("eventId").is(changed.eventId())), AuditEntry.class);
        assertThat(stored.ownerAccountId()).isEqualTo("acc-1");
        assertThat(stored.details().before()).isEqualTo("{\"colour\":\"grey\"}");
        assertThat(stored.details().after()).doesNotContain("odile@example.org").contains("blue");
        assertThat(stored.details().detail()).doesNotContain("odile@example.org");
        assertThat(auditLog.verify().valid()).isTrue();

        mvc.perform(get("/api/audit").param("action", "vehicle_viewed").param("organisation", organisation)
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].purpose").value("PRE_PURCHASE"))
                .andExpect(jsonPath("$.items[0].purposeLabel").value("Avant achat"))
                .andExpect(jsonPath("$.items[0].actor.organisationKind").value("GARAGE"));
        mvc.perform(get("/api/audit").param("action", "$where").with(admin()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theCsvExportNeutralisesFormulas() throws Exception {
        String organisation = "=HYPERLINK(\"http://evil\") " + UUID.randomUUID().toString().substring(0, 8);
        auditLog.append(new AuditEntry(UUID.randomUUID().toString(), 0, "evt-" + UUID.randomUUID(),
                Instant.parse("2025-06-01T10:00:00Z"), null, AuditEntry.CHECK_PERFORMED, "c-1", "AB-123-CD", "AB123CD",
                "OK", List.of(), new AuditEntry.Actor("s", "+agent", "agent", organisation), "-1+1", "TYPED", null, null,
                null, null));

        String csv = mvc.perform(get("/api/audit/export").param("plate", "AB-123-CD").with(admin()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(csv).startsWith("sequence,occurredAt,action,plate");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\")").contains("\"'+agent\"").contains("\"'-1+1\"");
        assertThat(csv).doesNotContain(",\"=").doesNotContain(",\"+").doesNotContain(",\"-");
        mvc.perform(get("/api/audit/export").with(agent())).andExpect(status().isForbidden());
    }

    @Test
    void statisticsForAdminsOnly() throws Exception {
        LocalDate today = LocalDate.parse("2025-06-03");
        Instant now = Instant.parse("2025-06-03T09:30:00Z");
        CheckCompleted photo = new CheckCompleted(UUID.randomUUID().toString(), now, "chk-" + UUID.randomUUID(),
                now.minusMillis(800), "PHOTO", "AB-123-CD", "FAIL",
                List.of(new CheckCompleted.Reason("REPORTED_STOLEN", "FAIL", "Stolen")),
                new CheckCompleted.Requester("s", "agent", "agent", "Police", "POLICE"), "ROADSIDE_CONTROL", null,
                List.of(), new CheckCompleted.PlateReading("AB-123-CD", 0.93, "ppocr"));
        kafka.send(Topics.CHECK_COMPLETED, photo.checkId(), photo).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> count(photo.eventId()) == 1);

        mvc.perform(get("/api/statistics").param("from", today.toString()).param("to", today.toString())
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.days[0].date").value(today.toString()))
                .andExpect(jsonPath("$.days[0].byChannel.PHOTO").isNumber())
                .andExpect(jsonPath("$.fraudSignals[?(@.code == 'REPORTED_STOLEN')].count").isNotEmpty())
                .andExpect(jsonPath("$.photoReading.photoChecks").isNumber())
                .andExpect(jsonPath("$.latencyMs.p95").isNumber());
        mvc.perform(get("/api/statistics").with(agent())).andExpect(status().isForbidden());
        mvc.perform(get("/api/statistics").param("from", "2025-13-01").with(admin()))
                .andExpect(status().isBadRequest());
        String prometheus = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
        if (!prometheus.isEmpty()) {
            assertThat(prometheus).contains("autochec_audit_checks_total");
        }
    }

    private long count(String eventId) {
        return mongo.count(Query.query(Criteria.where("eventId").is(eventId)), AuditEntry.class);
    }
}
