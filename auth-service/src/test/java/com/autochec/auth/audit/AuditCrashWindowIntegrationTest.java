package com.autochec.auth.audit;

import static com.autochec.auth.Roles.admin;
import static com.autochec.auth.Roles.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.auth.directory.UserDirectory;
import com.autochec.contracts.Topics;
import com.autochec.contracts.audit.AuditAction;
import com.autochec.contracts.audit.AuditEvent;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.autochec.localstack.testing.TopicRecords;
import com.autochec.platform.outbox.OutboxWritten;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The crash window between a change and its audit record (issue #10). Keycloak (the directory, external) is a
 * stand-in here; MongoDB and Kafka are the embedded ones.
 *
 * <ul>
 *   <li>Admin actions: the intent is stored before Keycloak is called; the outcome after; a process that dies in
 *       between leaves the intent alone (unknown), never a change with no record.
 *   <li>Claims: the change and its events are one write; a crash right after it (an exception where the relay would
 *       be told) still publishes them.
 * </ul>
 * Every event reaches {@link Topics#ACCOUNT_AUDIT} under one event id.
 */
@SpringBootTest(properties = "autochec.platform.outbox.sweep-interval=PT0.3S")
@AutoConfigureMockMvc
@Import({EmbeddedInfrastructure.class, AuditCrashWindowIntegrationTest.Crash.class})
@MockitoBean(types = UserDirectory.class)
class AuditCrashWindowIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** When armed, the process "dies" right after the next write that leaves outbox entries (before the relay hears of it). */
    @TestConfiguration
    static class Crash {

        final AtomicBoolean armed = new AtomicBoolean();

        @EventListener
        @Order(Ordered.HIGHEST_PRECEDENCE)
        void onWrite(OutboxWritten written) {
            if (armed.compareAndSet(true, false)) {
                throw new IllegalStateException("the process dies after the write of " + written.source());
            }
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    UserDirectory directory;

    @Autowired
    Crash crash;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @AfterEach
    void disarm() {
        crash.armed.set(false);
    }

    @Test
    void anAdminActionIsRecordedAsIntentBeforeKeycloakAndAsOutcomeAfterIt() throws Exception {
        String userId = "kc-" + UUID.randomUUID();
        var user = new UserDirectory.DirectoryUser(userId, "agent-ok", null, null, null, null, true);
        when(directory.findByUsername("agent-ok")).thenReturn(Optional.of(user));
        when(directory.setEnabled(userId, false)).thenAnswer(call -> {
            // Keycloak is only called once the intent is stored
            assertThat(stored(userId)).extracting(AuditEvent::outcome).containsExactly(AuditTrail.REQUESTED);
            return user;
        });

        mvc.perform(post("/api/accounts/users/agent-ok/disable").with(admin())).andExpect(status().isOk());

        List<AuditEvent> events = awaitOnTopic(userId, 2);
        AuditEvent intent = events.get(0);
        AuditEvent outcome = events.get(1);
        assertThat(intent.action()).isEqualTo(AuditAction.ADMIN_ACTION);
        assertThat(intent.outcome()).isEqualTo(AuditTrail.REQUESTED);
        assertThat(intent.after()).containsEntry("operation", "DISABLED");
        assertThat(outcome.outcome()).isEqualTo("DISABLED");
        assertThat(outcome.after()).containsEntry("intentEventId", intent.eventId());
        assertThat(outcome.eventId()).isEqualTo(AuditTrail.outcomeId(intent.eventId()));
    }

    @Test
    void aFailedAdminActionIsRecordedAsFailed() throws Exception {
        String userId = "kc-" + UUID.randomUUID();
        var user = new UserDirectory.DirectoryUser(userId, "agent-down", null, null, null, null, true);
        when(directory.findByUsername("agent-down")).thenReturn(Optional.of(user));
        when(directory.setEnabled(userId, false)).thenThrow(new UserDirectory.Unavailable("Keycloak time-out", null));

        mvc.perform(post("/api/accounts/users/agent-down/disable").with(admin()))
                .andExpect(status().isServiceUnavailable());

        List<AuditEvent> events = awaitOnTopic(userId, 2);
        assertThat(events).extracting(AuditEvent::outcome).containsExactly(AuditTrail.REQUESTED, AuditTrail.FAILED);
        assertThat(events.get(1).after()).containsEntry("failure", "UNAVAILABLE").containsEntry("operation", "DISABLED");
    }

    @Test
    void aProcessThatDiesBetweenKeycloakAndTheOutcomeLeavesTheIntentAloneAndAcknowledgesNothing() throws Exception {
        String userId = "kc-" + UUID.randomUUID();
        var user = new UserDirectory.DirectoryUser(userId, "agent-crash", null, null, null, null, true);
        when(directory.findByUsername("agent-crash")).thenReturn(Optional.of(user));
        // Keycloak applies the change, then the process dies before the outcome is written
        when(directory.setEnabled(userId, false)).thenAnswer(call -> {
            throw new ProcessDied();
        });

        Throwable failure = null;
        try {
            mvc.perform(post("/api/accounts/users/agent-crash/disable").with(admin()))
                    .andExpect(status().is5xxServerError());
        } catch (Exception | ProcessDied e) {
            failure = e; // MockMvc rethrows what no handler answered: the caller got no answer
        }
        assertThat(failure == null || failure instanceof ProcessDied || failure.getCause() instanceof ProcessDied)
                .isTrue();
        verify(directory).setEnabled(eq(userId), anyBoolean());

        List<AuditEvent> events = awaitOnTopic(userId, 1);
        assertThat(events).extracting(AuditEvent::outcome).containsExactly(AuditTrail.REQUESTED);
        // nothing more comes: the outcome is unknown, and says so by its absence
        assertThat(stored(userId)).hasSize(1);
    }

    @Test
    void claimsCarryTheirAuditEventsInTheSameWriteAndACrashRightAfterItLosesNone() throws Exception {
        String plate = "ZZ-" + (100 + new java.util.Random().nextInt(900)) + "-ZZ";
        crash.armed.set(true);
        mvc.perform(post("/api/accounts/claims").with(owner()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"%s\",\"vinLast4\":\"1234\",\"certificateNumber\":\"2021AB12345\"}"
                                .formatted(plate)))
                .andExpect(status().is5xxServerError());
        Map<?, ?> claim = mongo.findOne(Query.query(where("plate").is(plate)), Map.class, "vehicle_claims");
        assertThat(claim).isNotNull();
        String claimId = String.valueOf(claim.get("_id"));
        awaitOnTopic(claimId, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> Boolean.TRUE.equals(
                ((Map<?, ?>) mongo.findById(claimId, Map.class, "vehicle_claims").get("audit")).get("published")));

        crash.armed.set(true);
        mvc.perform(post("/api/accounts/claims/" + claimId + "/reject").with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"pas de justificatif\"}"))
                .andExpect(status().is5xxServerError());
        assertThat(mongo.findById(claimId, Map.class, "vehicle_claims").get("status")).isEqualTo("REJECTED");

        List<AuditEvent> events = awaitOnTopic(claimId, 2);
        assertThat(events).extracting(AuditEvent::action)
                .containsExactly(AuditAction.CLAIM_FILED, AuditAction.CLAIM_DECIDED);
        assertThat(events.get(1).outcome()).isEqualTo("REJECTED");
        verify(directory, never()).setEnabled(org.mockito.ArgumentMatchers.anyString(), anyBoolean());
    }

    /** Not an exception a handler answers: the JVM going away, as far as this request is concerned. */
    static final class ProcessDied extends Error {
        ProcessDied() {
            super("the process died after Keycloak applied the change");
        }
    }

    /** The audit events of a resource stored in the outbox so far, oldest first. */
    private List<AuditEvent> stored(String resourceId) {
        return mongo.find(Query.query(where("key").is(resourceId)), AuditEntry.class).stream()
                .map(AuditEntry::event)
                .sorted(java.util.Comparator.comparing(AuditEvent::occurredAt))
                .toList();
    }

    /** Waits for {@code count} distinct events of the resource on the audit topic; each event id is there once. */
    private List<AuditEvent> awaitOnTopic(String resourceId, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<AuditEvent> events = TopicRecords.read(brokers, Topics.ACCOUNT_AUDIT).stream()
                    .map(ConsumerRecord::value)
                    .map(json -> JSON.readValue(json, AuditEvent.class))
                    .filter(e -> resourceId.equals(e.resourceId()))
                    .toList();
            Map<String, Long> perId = events.stream().collect(Collectors.groupingBy(AuditEvent::eventId, Collectors.counting()));
            assertThat(perId.values()).as("each event once on the topic").allMatch(n -> n == 1);
            return events;
        }, events -> events.size() >= count);
    }
}
