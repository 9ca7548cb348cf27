package com.autochec.vehicle.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autochec.contracts.audit.AuditEvent;
import com.autochec.contracts.privacy.Purpose;
import com.autochec.platform.problem.ApiProblem;
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

    @Test
    void aPurposeIsOneOfTheCodesAndOtherNeedsAText() {
        assertThat(PurposeStatement.require(" roadside_control ", "ignored"))
                .isEqualTo(new PurposeStatement(Purpose.ROADSIDE_CONTROL, null));
        assertThat(PurposeStatement.require("OTHER", " expertise "))
                .isEqualTo(new PurposeStatement(Purpose.OTHER, "expertise"));
        for (String bad : new String[] {null, "", "CURIOSITY", "{\"$ne\":1}"}) {
            assertThatThrownBy(() -> PurposeStatement.require(bad, null))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getMessage()).isNotBlank());
        }
        assertThatThrownBy(() -> PurposeStatement.require("OTHER", " ")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> PurposeStatement.require("OTHER", "x".repeat(Purpose.MAX_TEXT + 1)))
                .isInstanceOf(ApiProblem.class);
    }
}
