package com.autochec.vehicle.registry;

import java.time.LocalDate;

/**
 * What an administrator or an import sets on a vehicle: identification, technical data and the
 * current holder. Values are already validated and normalised (plate, VIN, trimmed strings).
 */
public record VehicleData(
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
        Owner owner) {}
