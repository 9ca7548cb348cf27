package com.autochec.verification.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One vehicle of the read model ({@code vehicles}), projected from {@code VehicleStateChanged}. */
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
        Instant updatedAt) {

    static final String COLLECTION = "vehicles";
}
