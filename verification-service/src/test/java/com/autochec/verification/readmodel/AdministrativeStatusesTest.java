package com.autochec.verification.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.contracts.vehicle.VehicleSnapshot;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry's administrative statuses reach the read model (and so the rules) under the rules' names. */
class AdministrativeStatusesTest {

    private static VehicleSnapshot snapshot(boolean stolen, List<String> statuses) {
        return new VehicleSnapshot("veh-1", "AB-123-CD", "VF1RFB00012345678", "Renault", "Clio", "V", 2020, "Blanc",
                "M1", "ESSENCE", 5, 67, LocalDate.parse("2020-03-15"), stolen, null, statuses, null, null, false);
    }

    @Test
    void everyPublishedStatusIsKeptOnceAndTheStolenFlagCountsToo() {
        assertThat(ReadModelProjector.administrativeStatuses(snapshot(false, List.of("GAGE", "opposition"))))
                .containsExactly("GAGE", "OPPOSITION");
        assertThat(ReadModelProjector.administrativeStatuses(snapshot(true, List.of("STOLEN", "DESTROYED"))))
                .containsExactly("STOLEN", "DESTROYED");
        assertThat(ReadModelProjector.administrativeStatuses(snapshot(false, List.of()))).isEmpty();
    }
}
