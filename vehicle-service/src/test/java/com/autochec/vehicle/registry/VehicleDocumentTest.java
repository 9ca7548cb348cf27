package com.autochec.vehicle.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VehicleDocumentTest {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant T1 = Instant.parse("2025-02-01T00:00:00Z");
    static final Owner ODILE = new Owner("o-1", OwnerKind.PERSON, "Odile Martin", "1 rue", "75002", "Paris", "o@x.fr", "acc-3");

    static VehicleData data(Owner owner) {
        return new VehicleData("AB-123-CD", "VF1RFB00X56789012", "Renault", "Clio", null, 2019, "gris", "VP", "DIESEL", 5,
                66, null, owner);
    }

    @Test
    void aNewVehicleIsVersionOneWithAPendingEvent() {
        VehicleDocument v = VehicleDocument.create(data(ODILE), null, T0);
        assertThat(v.version()).isEqualTo(1);
        assertThat(v.outbox().version()).isEqualTo(1);
        assertThat(v.outbox().published()).isFalse();
        assertThat(v.outbox().occurredAt()).isEqualTo(T0);
        assertThat(v.ownerSince()).isEqualTo(T0);
        assertThat(v.stolen()).isFalse();
    }

    @Test
    void identicalDataChangesNothing() {
        VehicleDocument v = VehicleDocument.create(data(ODILE), null, T0);
        assertThat(v.apply(data(ODILE), null, "import", T1)).isEmpty();
        assertThat(v.apply(data(ODILE), false, "import", T1)).isEmpty();
    }

    @Test
    void aChangeBumpsTheVersionWithANewPendingEvent() {
        VehicleDocument v = VehicleDocument.create(data(ODILE), null, T0);
        VehicleDocument next = v.apply(new VehicleData("AB-123-CD", "VF1RFB00X56789012", "Renault", "Clio", null, 2019, "bleu", "VP",
                                "DIESEL", 5, 66, null, ODILE), null, "import", T1).orElseThrow();
        assertThat(next.version()).isEqualTo(2);
        assertThat(next.outbox().version()).isEqualTo(2);
        assertThat(next.outbox().eventId()).isNotEqualTo(v.outbox().eventId());
        assertThat(next.createdAt()).isEqualTo(T0);
        assertThat(next.updatedAt()).isEqualTo(T1);
        assertThat(next.ownershipHistory()).isEmpty();
    }

    @Test
    void aNewHolderMovesThePreviousOneToTheHistory() {
        VehicleDocument v = VehicleDocument.create(data(ODILE), null, T0);
        Owner paul = new Owner("o-2", OwnerKind.PERSON, "Paul", null, null, "Lyon", null, null);
        VehicleDocument next = v.apply(data(paul), null, "import", T1).orElseThrow();
        assertThat(next.ownershipHistory()).containsExactly(new OwnershipPeriod(ODILE, T0, T1));
        assertThat(next.ownerSince()).isEqualTo(T1);
    }

    @Test
    void anAddressChangeOfTheSameHolderIsNoOwnershipChange() {
        VehicleDocument v = VehicleDocument.create(data(ODILE), null, T0);
        Owner moved = new Owner("o-1", OwnerKind.PERSON, "Odile Martin", "2 rue", "69001", "Lyon", "o@x.fr", "acc-3");
        VehicleDocument next = v.apply(data(moved), null, "import", T1).orElseThrow();
        assertThat(next.ownershipHistory()).isEmpty();
        assertThat(next.ownerSince()).isEqualTo(T0);
    }

    @Test
    void stolenFlagFromAnImportFilesOrWithdrawsAReport() {
        VehicleDocument v = VehicleDocument.create(data(ODILE), null, T0);
        VehicleDocument stolen = v.apply(data(ODILE), true, "import", T1).orElseThrow();
        assertThat(stolen.stolen()).isTrue();
        assertThat(stolen.stolenReport()).isEqualTo(new StolenReport(T1, "import", null));
        assertThat(stolen.apply(data(ODILE), null, "import", T1)).isEmpty();
        assertThat(stolen.apply(data(ODILE), true, "import", T1)).isEmpty();
        VehicleDocument found = stolen.apply(data(ODILE), false, "import", T1).orElseThrow();
        assertThat(found.stolen()).isFalse();
        assertThat(found.stolenReport()).isNull();
    }

    @Test
    void aDeletedVehicleReleasesPlateAndVin() {
        VehicleDocument deleted = VehicleDocument.create(data(ODILE), null, T0).delete(T1);
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.plate()).isNull();
        assertThat(deleted.vin()).isNull();
        assertThat(deleted.version()).isEqualTo(2);
        assertThat(deleted.outbox().published()).isFalse();
    }

    @Test
    void holdsAccountComparesTheOwnersAccount() {
        VehicleDocument v = VehicleDocument.create(data(ODILE), null, T0);
        assertThat(v.holdsAccount("acc-3")).isTrue();
        assertThat(v.holdsAccount("acc-4")).isFalse();
        assertThat(v.holdsAccount(null)).isFalse();
        assertThat(VehicleDocument.create(data(null), null, T0).holdsAccount("acc-3")).isFalse();
    }
}
