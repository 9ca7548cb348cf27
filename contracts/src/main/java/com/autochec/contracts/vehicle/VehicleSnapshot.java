package com.autochec.contracts.vehicle;

import java.time.LocalDate;
import java.util.List;

/**
 * A vehicle as the registry knows it. {@code plate} is normalised (AA-123-AA).
 *
 * @param statuses         active administrative flags (STOLEN, GAGE, OPPOSITION, CERTIFICATE_LOST,
 *                         CERTIFICATE_STOLEN, DESTROYED, EXPORTED); empty = NORMAL. verification-service's rules
 *                         use them (a destroyed or exported vehicle on the road, a stolen certificate...)
 * @param lastMileageKm    the most recent odometer reading, null when none
 * @param lastMileageDate  its date, null when none
 * @param mileageRollback  true when a reading was lower than an earlier one (fraud signal for checks)
 * @param mileage          the odometer readings, oldest first (empty in events written before them): the evidence
 *                         of a rollback
 */
public record VehicleSnapshot(
        String vehicleId,
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
        OwnerSnapshot owner,
        List<String> statuses,
        Integer lastMileageKm,
        LocalDate lastMileageDate,
        boolean mileageRollback,
        List<MileageSnapshot> mileage) {

    public VehicleSnapshot {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        mileage = mileage == null ? List.of() : List.copyOf(mileage);
    }

    /** One odometer reading: its date, the kilometres, and whether it is lower than an earlier-dated one. */
    public record MileageSnapshot(LocalDate date, int km, boolean rollback) {}

    /** Without the readings themselves (events written before them; tests). */
    public VehicleSnapshot(
            String vehicleId,
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
            OwnerSnapshot owner,
            List<String> statuses,
            Integer lastMileageKm,
            LocalDate lastMileageDate,
            boolean mileageRollback) {
        this(vehicleId, plate, vin, make, model, variant, year, colour, category, fuel, fiscalPower, powerKw,
                firstRegistration, stolen, owner, statuses, lastMileageKm, lastMileageDate, mileageRollback, List.of());
    }

    /** Without the registry's full record (events written before it; tests). */
    public VehicleSnapshot(
            String vehicleId,
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
            OwnerSnapshot owner) {
        this(vehicleId, plate, vin, make, model, variant, year, colour, category, fuel, fiscalPower, powerKw,
                firstRegistration, stolen, owner, stolen ? List.of("STOLEN") : List.of(), null, null, false, List.of());
    }
}
