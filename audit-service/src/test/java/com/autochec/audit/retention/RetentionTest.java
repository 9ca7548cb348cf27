package com.autochec.audit.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.audit.log.AuditEntry;
import com.autochec.audit.log.AuditLog;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Past its kind's retention an entry loses its personal fields, and the chain still verifies. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class RetentionTest {

    @Autowired
    Retention retention;

    @Autowired
    AuditLog auditLog;

    @Autowired
    MongoTemplate mongo;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void publicLookupsAreRedactedAfterTheirRetentionAgentChecksKeptLongerChainStillValid() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        String oldPublic = append(now.minusSeconds(100L * 86_400), "public", null);
        String recentPublic = append(now.minusSeconds(10L * 86_400), "public", null);
        String oldAgent = append(now.minusSeconds(100L * 86_400), "agent", "agent.dupont");

        assertThat(retention.apply(now)).isPositive();

        AuditEntry redacted = byEvent(oldPublic);
        assertThat(redacted.redactedAt()).isNotNull();
        assertThat(redacted.plate()).isNull();
        assertThat(redacted.ownerAccountId()).isNull();
        assertThat(redacted.verdict()).isEqualTo("OK");
        assertThat(byEvent(recentPublic).plate()).isEqualTo("AB-123-CD");
        assertThat(byEvent(oldAgent).actor().username()).isEqualTo("agent.dupont");
        assertThat(auditLog.verify().valid()).isTrue();
        assertThat(retention.apply(now)).isZero(); // idempotent
    }

    private String append(Instant at, String role, String username) {
        String eventId = "evt-" + UUID.randomUUID();
        auditLog.append(new AuditEntry(UUID.randomUUID().toString(), 0, eventId, at, null, AuditEntry.CHECK_PERFORMED,
                "c", "AB-123-CD", "AB123CD", "OK", List.of(), new AuditEntry.Actor(null, username, role, null), null,
                "TYPED", "v-1", "acc-1", null, null));
        return eventId;
    }

    private AuditEntry byEvent(String eventId) {
        return mongo.findOne(Query.query(Criteria.where("eventId").is(eventId)), AuditEntry.class);
    }
}
