package com.autochec.verification.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One vehicle of the read model ({@code vehicles}), projected from {@code VehicleStateChanged}.
 * {@code administrativeStatuses}: the statuses in force (STOLEN, GAGE, OPPOSITION, CERTIFICATE_STOLEN,
 * CERTIFICATE_LOST, DESTROYED, EXPORTED — {@code rules.AdministrativeStatus}), derived from whatever the
 * snapshot carries (today its {@code stolen} flag). {@code mileageRollback} and {@code mileage}: the registry's
 * odometer readings and whether one went back (rule {@code MILEAGE_ROLLBACK}).
 */
@Document(VehicleRecord.COLLECTION)
public record VehicleRecord(
        @Id String vehicleId,
        long version,
        String plate,
        String vin,
        String make,
        String model,
        String variant,
        int year,
        String colour,
        String category,
        String fuel,
        Integer fiscalPower,
        Integer powerKw,
        LocalDate firstRegistration,
        boolean stolen,
        OwnerRecord owner,
        Instant updatedAt,
        List<String> administrativeStatuses,
        boolean mileageRollback,
        List<MileageRecord> mileage) {

    @PersistenceCreator
    public VehicleRecord {
        administrativeStatuses = administrativeStatuses == null ? List.of() : List.copyOf(administrativeStatuses);
        mileage = mileage == null ? List.of() : List.copyOf(mileage);
    }

    /** One odometer reading of the registry: date, kilometres, lower than an earlier-dated one. */
    public record MileageRecord(LocalDate date, int km, boolean rollback) {}

    /** Without mileage (vehicles stored before it, tests). */
    public VehicleRecord(
            String vehicleId,
            long version,
            String plate,
            String vin,
            String make,
            String model,
            String variant,
            int year,
            String colour,
            String category,
            String fuel,
            Integer fiscalPower,
            Integer powerKw,
            LocalDate firstRegistration,
            boolean stolen,
            OwnerRecord owner,
            Instant updatedAt,
            List<String> administrativeStatuses) {
        this(vehicleId, version, plate, vin, make, model, variant, year, colour, category, fuel, fiscalPower, powerKw,
                firstRegistration, stolen, owner, updatedAt, administrativeStatuses, false, List.of());
    }

    /** With the statuses its {@code stolen} flag implies (vehicles stored before statuses existed, tests). */
    public VehicleRecord(
            String vehicleId,
            long version,
            String plate,
            String vin,
            String make,
            String model,
            String variant,
            int year,
            String colour,
            String category,
            String fuel,
            Integer fiscalPower,
            Integer powerKw,
            LocalDate firstRegistration,
            boolean stolen,
            OwnerRecord owner,
            Instant updatedAt) {
        this(vehicleId, version, plate, vin, make, model, variant, year, colour, category, fuel, fiscalPower, powerKw,
                firstRegistration, stolen, owner, updatedAt, stolen ? List.of("STOLEN") : List.of());
    }

    static final String COLLECTION = "vehicles";
}
