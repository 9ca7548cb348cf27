package com.autochec.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    static AuditEntry draft(String eventId, String plate, String verdict) {
        return new AuditEntry("id-" + eventId, 0, eventId, Instant.parse("2025-06-01T10:00:00Z"), null,
                AuditEntry.CHECK_PERFORMED, "check-" + eventId, plate, AuditEntry.plateKey(plate), verdict,
                List.of("INSURANCE_EXPIRED"), new AuditEntry.Actor("sub-1", "agent", "agent", "Police"), "roadside",
                "TYPED", "veh-1", "owner-1", null, null);
    }

    static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = draft("e" + i, "AB-123-CD", "OK").chained(i, previous, Instant.parse("2025-06-01T10:00:01Z"));
            entries.add(e);
            previous = e.hash();
        }
        return entries;
    }

    static AuditEntry withVerdict(AuditEntry e, String verdict) {
        return new AuditEntry(e.id(), e.sequence(), e.eventId(), e.occurredAt(), e.recordedAt(), e.action(), e.checkId(),
                e.plate(), e.plateKey(), verdict, e.reasonCodes(), e.actor(), e.purpose(), e.source(), e.vehicleId(),
                e.ownerAccountId(), e.previousHash(), e.hash());
    }

    @Test
    void anIntactChainVerifies() {
        var result = AuditChain.verify(chain(4).iterator());
        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).isEqualTo(4);
        assertThat(AuditChain.verify(List.<AuditEntry>of().iterator()).valid()).isTrue();
    }

    @Test
    void tamperingWithOneEntryIsDetectedAtThatEntry() {
        List<AuditEntry> entries = chain(4);
        entries.set(1, withVerdict(entries.get(1), "FAIL"));
        var result = AuditChain.verify(entries.iterator());
        assertThat(result.valid()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(2);
    }

    @Test
    void rehashingATamperedEntryBreaksTheNextLink() {
        List<AuditEntry> entries = chain(4);
        AuditEntry forged = withVerdict(entries.get(1), "FAIL");
        entries.set(1, forged.withHash(AuditChain.hash(forged)));
        assertThat(AuditChain.verify(entries.iterator()).brokenAt()).isEqualTo(3);
    }

    @Test
    void aRemovedEntryIsDetected() {
        List<AuditEntry> entries = chain(4);
        entries.remove(2);
        assertThat(AuditChain.verify(entries.iterator()).brokenAt()).isEqualTo(3);
    }

    @Test
    void theHashCoversEveryFieldUnambiguously() {
        AuditEntry a = draft("x", "AB-123-CD", "OK").chained(1, AuditChain.GENESIS, Instant.EPOCH);
        AuditEntry b = new AuditEntry(a.id(), 1, a.eventId(), a.occurredAt(), a.recordedAt(), a.action(), a.checkId(),
                a.plate(), a.plateKey(), a.verdict(), List.of("INSURANCE", "_EXPIRED"), a.actor(), a.purpose(), a.source(),
                a.vehicleId(), a.ownerAccountId(), a.previousHash(), null);
        assertThat(AuditChain.hash(b)).isNotEqualTo(a.hash());
        assertThat(a.hash()).hasSize(64).isEqualTo(AuditChain.hash(a));
    }
}
