package com.autochec.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.contracts.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditOutboxTest {

    static AuditEvent event(String id) {
        return new AuditEvent(id, Instant.EPOCH, "VEHICLE_CHANGED", AuditEvent.Actor.SYSTEM, null, null, null, null,
                null, false, "VEHICLE", "v", null, null, null, null);
    }

    @Test
    void aNewWriteCarriesTheEventsNotYetPublished() {
        AuditOutbox first = AuditOutbox.of(List.of(event("a")));
        assertThat(first.published()).isFalse();
        AuditOutbox second = first.then(List.of(event("b")));
        assertThat(second.events()).extracting(AuditEvent::eventId).containsExactly("a", "b");
        AuditOutbox afterPublication = new AuditOutbox(true, List.of()).then(List.of(event("c")));
        assertThat(afterPublication.events()).extracting(AuditEvent::eventId).containsExactly("c");
        assertThat(AuditOutbox.then(null, List.of())).isEqualTo(AuditOutbox.NONE);
        assertThat(first.then(List.of())).isEqualTo(first);
    }
}
