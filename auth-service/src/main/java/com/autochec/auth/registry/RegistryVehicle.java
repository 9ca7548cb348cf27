package com.autochec.auth.registry;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * auth-service's projection of a vehicle (collection {@code registry_vehicles}), from the compacted
 * {@code autochec.vehicle.state} topic: only what claims are matched with. {@code accountId} is the linked
 * owner account, if any.
 */
@Document(RegistryVehicle.COLLECTION)
public record RegistryVehicle(@Id String vehicleId, String plate, String vin, String accountId, long version) {

    static final String COLLECTION = "registry_vehicles";
}
