package com.autochec.vehicle.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.platform.security.Caller;
import com.autochec.platform.security.Role;
import com.autochec.vehicle.registry.VehicleViews.AdminView;
import com.autochec.vehicle.registry.VehicleViews.AgentView;
import com.autochec.vehicle.registry.VehicleViews.OwnerSummary;
import com.autochec.vehicle.registry.VehicleViews.OwnerView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VehicleViewsTest {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final Owner ODILE = VehicleDocumentTest.ODILE;
    final VehicleDocument vehicle = VehicleDocument.create(VehicleDocumentTest.data(ODILE), null, T0)
            .apply(VehicleDocumentTest.data(new Owner("o-9", OwnerKind.COMPANY, "Loc SA", "9 av", "13001", "Marseille",
                            "l@x.fr", "acc-3")), null, "import", T0.plusSeconds(60))
            .orElseThrow();

    @Test
    void adminSeesEverythingIncludingFormerHolders() {
        AdminView view = (AdminView) VehicleViews.forCaller(vehicle, caller("admin-1", Role.ADMIN)).orElseThrow();
        assertThat(view.owner().email()).isEqualTo("l@x.fr");
        assertThat(view.owner().accountId()).isEqualTo("acc-3");
        assertThat(view.ownershipHistory()).singleElement().satisfies(p -> assertThat(p.owner().name())
                .isEqualTo("Odile Martin"));
        assertThat(view.vinCheckDigitValid()).isFalse();
        assertThat(view.version()).isEqualTo(2);
    }

    @Test
    void agentSeesHolderNameAndTownOnly() {
        AgentView view = (AgentView) VehicleViews.forCaller(vehicle, caller("agent-1", Role.AGENT)).orElseThrow();
        assertThat(view.vin()).isEqualTo("VF1RFB00X56789012");
        assertThat(view.owner()).isEqualTo(new OwnerSummary("Loc SA", "Marseille"));
        assertThat(AgentView.class.getRecordComponents())
                .extracting(java.lang.reflect.RecordComponent::getName)
                .doesNotContain("ownershipHistory", "email", "street", "accountId");
    }

    @Test
    void ownerSeesTheirOwnVehicleWithoutFormerHolders() {
        OwnerView view = (OwnerView) VehicleViews.forCaller(vehicle, caller("acc-3", Role.OWNER)).orElseThrow();
        assertThat(view.owner().street()).isEqualTo("9 av");
        assertThat(OwnerView.class.getRecordComponents())
                .extracting(java.lang.reflect.RecordComponent::getName)
                .doesNotContain("ownershipHistory");
    }

    @Test
    void anotherOwnerDoesNotLearnTheVehicleExists() {
        assertThat(VehicleViews.forCaller(vehicle, caller("acc-4", Role.OWNER))).isEmpty();
        assertThat(VehicleViews.forCaller(vehicle, caller("acc-4", Role.PUBLIC))).isEmpty();
    }

    @Test
    void anAgentWhoHoldsTheVehicleSeesItAsItsOwner() {
        assertThat(VehicleViews.forCaller(vehicle, caller("acc-3", Role.AGENT))).containsInstanceOf(OwnerView.class);
    }

    private static Caller caller(String subject, Role role) {
        return new Caller(subject, subject, role, null, null);
    }
}
