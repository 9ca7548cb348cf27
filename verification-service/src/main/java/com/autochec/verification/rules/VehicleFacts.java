package com.autochec.verification.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the rules need to know about the vehicle itself.
 *
 * @param category EU category (M1, N1, L3e…), null when unknown
 * @param ownerKind PERSON or COMPANY (company vehicles owe annual taxes), null when unknown
 * @param statuses administrative statuses currently in force, as {@link AdministrativeStatus} names
 * @param mileageRollback the registry flags an odometer reading lower than an earlier-dated one
 * @param mileage the registry's odometer readings, oldest first (the evidence)
 */
public record VehicleFacts(
        String plate,
        String vin,
        String category,
        LocalDate firstRegistration,
        String ownerKind,
        Set<String> statuses,
        boolean mileageRollback,
        List<Mileage> mileage) {

    public VehicleFacts {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        mileage = mileage == null ? List.of() : List.copyOf(mileage);
    }

    /** One odometer reading: date, kilometres, lower than an earlier-dated one. */
    public record Mileage(LocalDate date, int km, boolean rollback) {}

    /** Without mileage. */
    public VehicleFacts(
            String plate, String vin, String category, LocalDate firstRegistration, String ownerKind, Set<String> statuses) {
        this(plate, vin, category, firstRegistration, ownerKind, statuses, false, List.of());
    }

    /** A private car first registered on {@code firstRegistration}, reported stolen or not (tests, simple cases). */
    public VehicleFacts(String plate, LocalDate firstRegistration, boolean stolen) {
        this(plate, null, "M1", firstRegistration, "PERSON",
                stolen ? Set.of(AdministrativeStatus.STOLEN.name()) : Set.of());
    }

    public boolean company() {
        return "COMPANY".equalsIgnoreCase(ownerKind);
    }
}
