package com.autochec.contracts.vehicle;

import java.time.LocalDate;

/** A vehicle as the registry knows it. {@code plate} is normalised (AA-123-AA). */
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
        OwnerSnapshot owner) {}
