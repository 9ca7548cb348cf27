package com.autochec.document.ownership;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Projection of vehicle-service's state: which account owns which vehicle. */
@Document("vehicle_owners")
public record VehicleOwner(@Id String vehicleId, String vin, String plate, String ownerAccountId, long version, boolean deleted) {}
