package com.autochec.audit.ownerview;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.audit.log.AuditEntry;
import com.autochec.audit.log.AuditLog;
import com.autochec.contracts.audit.AuditAction;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** What the owner sees of the audit log of their vehicle, built from the real store. */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class ConsultationsOfMyVehiclesTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    ConsultationsOfMyVehicles consultations;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void agentsInDetailWithoutNamesLawEnforcementWithoutPurposePublicAsDailyCounts() {
        String owner = "owner-" + UUID.randomUUID();
        auditLog.append(entry(owner, AuditEntry.CHECK_PERFORMED, "2025-06-01T10:00:00Z",
                new AuditEntry.Actor("s-garage", "jean.garage", "agent", "Garage du Centre", "GARAGE"), "PRE_PURCHASE"));
        auditLog.append(entry(owner, AuditAction.VEHICLE_VIEWED, "2025-06-01T11:00:00Z",
                new AuditEntry.Actor("s-police", "agent.dupont", "agent", "Police nationale", "POLICE"),
                "ROADSIDE_CONTROL"));
        auditLog.append(entry(owner, AuditEntry.CHECK_PERFORMED, "2025-06-01T12:00:00Z",
                new AuditEntry.Actor(null, null, "public", null), null));
        auditLog.append(entry(owner, AuditEntry.CHECK_PERFORMED, "2025-06-01T13:00:00Z",
                new AuditEntry.Actor(null, null, "public", null), null));
        auditLog.append(entry(owner, AuditEntry.CHECK_PERFORMED, "2025-06-02T13:00:00Z",
                new AuditEntry.Actor(owner, "owner", "owner", null), null)); // their own: not shown
        auditLog.append(entry(owner, AuditAction.VEHICLE_CHANGED, "2025-06-02T14:00:00Z",
                new AuditEntry.Actor("s-admin", "admin", "admin", null), null)); // not a consultation

        MyVehiclesResponse view = consultations.forOwner(owner);

        assertThat(view.vehicles()).hasSize(1);
        MyVehiclesResponse.Vehicle vehicle = view.vehicles().get(0);
        assertThat(vehicle.plate()).isEqualTo("AB-123-CD");
        assertThat(vehicle.consultations()).containsExactly(
                new MyVehiclesResponse.Consultation(Instant.parse("2025-06-01T11:00:00Z"), "VEHICLE_VIEWED",
                        "forces de l'ordre", "agent", true, null, null),
                new MyVehiclesResponse.Consultation(Instant.parse("2025-06-01T10:00:00Z"), "CHECK",
                        "Garage du Centre", "agent", false, "PRE_PURCHASE", "Avant achat"));
        assertThat(vehicle.publicLookups()).isEqualTo(2);
        assertThat(vehicle.publicLookupsByDay()).containsExactly(
                new MyVehiclesResponse.DailyCount(java.time.LocalDate.parse("2025-06-01"), 2));
        assertThat(view.toString()).doesNotContain("agent.dupont").doesNotContain("jean.garage");
    }

    private static AuditEntry entry(String owner, String action, String at, AuditEntry.Actor actor, String purpose) {
        return new AuditEntry(UUID.randomUUID().toString(), 0, "evt-" + UUID.randomUUID(), Instant.parse(at), null,
                action, null, "AB-123-CD", "AB123CD", null, List.of(), actor, purpose, null, "veh-" + owner, owner,
                null, null);
    }
}
