package com.autochec.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.audit.config.AuditProperties;
import com.autochec.audit.log.AuditChain;
import com.autochec.audit.log.AuditEntry;
import com.autochec.audit.log.AuditLog;
import com.autochec.contracts.audit.AuditCheckpoint;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.util.FileSystemUtils;

/**
 * Whoever can write MongoDB can edit an entry and recompute every later hash: the chain then links perfectly, but
 * no longer ends in the hash the service signed outside the database (file and Kafka), and verification says so.
 */
@SpringBootTest(properties = "autochec.audit.append-retries=49") // a context of its own: it breaks its chain on purpose
@Import(EmbeddedInfrastructure.class)
class ChainTamperIntegrationTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    Checkpoints checkpoints;

    @Autowired
    ChainVerifier verifier;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AuditProperties properties;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void aRewrittenChainIsCaughtByTheSignedCheckpointOnFileAndOnKafka() throws Exception {
        for (int i = 1; i <= 5; i++) auditLog.append(draft(i));
        AuditCheckpoint first = checkpoints.checkpoint();
        for (int i = 6; i <= 10; i++) auditLog.append(draft(i));
        AuditCheckpoint second = checkpoints.checkpoint();
        assertThat(first.sequence()).isEqualTo(5);
        assertThat(second.sequence()).isEqualTo(10);
        assertThat(checkpoints.checkpoint()).isSameAs(second); // nothing new: no new checkpoint

        ChainVerifier.Report clean = verifier.verify();
        assertThat(clean.valid()).isTrue();
        assertThat(clean.entries()).isEqualTo(10);
        assertThat(clean.checkpoint().sequence()).isEqualTo(10);
        assertThat(clean.checkpoint().sources()).containsExactlyInAnyOrder("file", "kafka");

        rewriteFrom(7, "ZZ-999-ZZ");
        assertThat(auditLog.verify().valid()).as("the rewritten chain links perfectly").isTrue();

        ChainVerifier.Report caught = verifier.verify();
        assertThat(caught.valid()).isFalse();
        assertThat(caught.reason()).isEqualTo(ChainVerifier.CHECKPOINT_MISMATCH);
        assertThat(caught.brokenAt()).isEqualTo(6); // the first checkpoint (5) still matches
        assertThat(caught.brokenBefore()).isEqualTo(10);

        // without the files, the compacted topic still holds the signed head
        FileSystemUtils.deleteRecursively(properties.dataDir().resolve("checkpoints"));
        ChainVerifier.Report fromKafka = verifier.verify();
        assertThat(fromKafka.valid()).isFalse();
        assertThat(fromKafka.reason()).isEqualTo(ChainVerifier.CHECKPOINT_MISMATCH);
        assertThat(fromKafka.checkpoint().sources()).containsExactly("kafka");

        // a deleted tail is missing entries, not a shorter valid chain
        mongo.remove(Query.query(Criteria.where("sequence").gte(9L)), AuditEntry.class);
        ChainVerifier.Report missing = verifier.verify();
        assertThat(missing.valid()).isFalse();
        assertThat(missing.reason()).isEqualTo(ChainVerifier.MISSING_ENTRIES);
        assertThat(missing.brokenAt()).isEqualTo(9);
    }

    @Test
    void aCheckpointSignedWithAnotherKeyIsNotTrusted() throws Exception {
        Path elsewhere = Files.createTempDirectory("other-key");
        CheckpointKey other = CheckpointKey.fromFile(elsewhere.resolve(CheckpointKey.KEY_FILE));
        AuditCheckpoint forged = new AuditCheckpoint("e", Instant.parse("2025-01-01T00:00:00Z"), 1, "h", 1,
                AuditChain.GENESIS, "Ed25519", other.publicKeyBase64(), null);
        String signature = other.sign(forged.signedText());
        AuditCheckpoint signed = new AuditCheckpoint(forged.eventId(), forged.signedAt(), 1, "h", 1,
                AuditChain.GENESIS, "Ed25519", other.publicKeyBase64(), signature);

        assertThat(checkpoints.trusted(signed)).isFalse();
        assertThat(other.verifies(signed.signedText(), signature)).isTrue();
        assertThat(Files.exists(properties.dataDir().resolve(CheckpointKey.KEY_FILE))).isTrue();
    }

    /** What an attacker with write access to MongoDB does: change entry {@code from}, recompute every later hash. */
    private void rewriteFrom(long from, String plate) {
        List<AuditEntry> entries = mongo.find(Query.query(Criteria.where("sequence").gte(from))
                .with(Sort.by("sequence")), AuditEntry.class);
        AuditEntry before = mongo.findOne(Query.query(Criteria.where("sequence").is(from - 1)), AuditEntry.class);
        String previous = before.hash();
        for (AuditEntry e : entries) {
            AuditEntry changed = new AuditEntry(e.id(), e.sequence(), e.eventId(), e.occurredAt(), e.recordedAt(),
                    e.action(), e.checkId(), e.sequence() == from ? plate : e.plate(), e.plateKey(), e.verdict(),
                    e.reasonCodes(), e.actor(), e.purpose(), e.source(), e.vehicleId(), e.ownerAccountId(),
                    e.requestedAt(), e.details(), e.redactedAt(), previous, null);
            AuditEntry rehashed = new AuditEntry(changed.id(), changed.sequence(), changed.eventId(),
                    changed.occurredAt(), changed.recordedAt(), changed.action(), changed.checkId(), changed.plate(),
                    changed.plateKey(), changed.verdict(), changed.reasonCodes(), changed.actor(), changed.purpose(),
                    changed.source(), changed.vehicleId(), changed.ownerAccountId(), changed.requestedAt(),
                    changed.details(), changed.redactedAt(), previous, AuditChain.hash(changed));
            mongo.save(rehashed);
            previous = rehashed.hash();
        }
    }

    private static AuditEntry draft(int i) {
        return new AuditEntry(UUID.randomUUID().toString(), 0, "evt-" + UUID.randomUUID(),
                Instant.parse("2025-06-01T10:00:00Z").plusSeconds(i), null, AuditEntry.CHECK_PERFORMED, "c-" + i,
                "AB-123-CD", "AB123CD", "OK", List.of(), new AuditEntry.Actor("s", "agent", "agent", "Police"),
                "ROADSIDE_CONTROL", "TYPED", "v-1", "acc-1", null, null);
    }
}
