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

    @Test
    void aReadingBelowAnEarlierOneIsFlaggedAsARollback() {
        VehicleDocument v = VehicleDocument.create(data(null), null, T0);
        v = v.addMileage(java.time.LocalDate.of(2022, 3, 10), 61_000, MileageSource.CT, "a", T0, java.util.List.of());
        v = v.addMileage(java.time.LocalDate.of(2024, 3, 8), 98_000, MileageSource.CT, "a", T0, java.util.List.of());
        assertThat(v.mileageRollback()).isFalse();
        v = v.addMileage(java.time.LocalDate.of(2025, 6, 2), 64_000, MileageSource.OWNER, "a", T0, java.util.List.of());
        assertThat(v.mileageRollback()).isTrue();
        assertThat(v.lastMileage().km()).isEqualTo(64_000);
        assertThat(v.mileage()).extracting(MileageReading::rollback).containsExactly(false, false, true);
        assertThat(v.version()).isEqualTo(4);
    }

    @Test
    void statusFlagsKeepAHistoryAndStolenCountsAmongThem() {
        VehicleDocument v = VehicleDocument.create(data(null), null, T0);
        assertThat(v.activeStatuses()).isEmpty();
        v = v.setStatus(AdminStatus.GAGE, true, "admin", "crédit", T0, java.util.List.of()).orElseThrow();
        assertThat(v.setStatus(AdminStatus.GAGE, true, "admin", null, T0, java.util.List.of())).isEmpty();
        v = v.reportStolen(new StolenReport(T0, "agent", "PV"), T0).orElseThrow();
        assertThat(v.activeStatuses()).containsExactly(AdminStatus.STOLEN, AdminStatus.GAGE);
        v = v.setStatus(AdminStatus.GAGE, false, "admin", "remboursé", T0, java.util.List.of()).orElseThrow();
        assertThat(v.statusHistory()).extracting(StatusChange::status, StatusChange::active).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AdminStatus.GAGE, true),
                org.assertj.core.groups.Tuple.tuple(AdminStatus.STOLEN, true),
                org.assertj.core.groups.Tuple.tuple(AdminStatus.GAGE, false));
        VehicleDocument finalV = v;
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> finalV.setStatus(AdminStatus.STOLEN, true, "a", null, T0, java.util.List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anImportSetsFlagsAndAddsNewReadingsOnce() {
        VehicleDocument v = VehicleDocument.create(data(null), null, T0);
        var readings = java.util.List.of(
                new MileageReading(java.time.LocalDate.of(2024, 1, 1), 50_000, MileageSource.CT, false, null, null),
                new MileageReading(java.time.LocalDate.of(2025, 1, 1), 40_000, MileageSource.OWNER, false, null, null));
        VehicleDocument imported = v.importRecord(java.util.Set.of(AdminStatus.OPPOSITION), readings, T0, true).orElseThrow();
        assertThat(imported.version()).isEqualTo(1);
        assertThat(imported.outbox()).isEqualTo(v.outbox());
        assertThat(imported.activeStatuses()).containsExactly(AdminStatus.OPPOSITION);
        assertThat(imported.mileageRollback()).isTrue();
        assertThat(imported.importRecord(java.util.Set.of(AdminStatus.OPPOSITION), readings, T0, false)).isEmpty();
        VehicleDocument cleared = imported.importRecord(java.util.Set.of(), null, T0, false).orElseThrow();
        assertThat(cleared.activeStatuses()).isEmpty();
        assertThat(cleared.version()).isEqualTo(2);
    }
}
