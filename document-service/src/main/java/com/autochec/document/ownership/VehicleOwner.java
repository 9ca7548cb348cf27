package com.autochec.document.ownership;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Projection of vehicle-service's state: which account owns which vehicle, and what a document's reading is
 * cross-checked against (holder name, owner kind, first registration). The holder's name is person data kept
 * only for that cross-check; it is never returned by this service's API.
 */
@Document("vehicle_owners")
public record VehicleOwner(@Id String vehicleId, String vin, String plate, String ownerAccountId, long version,
        boolean deleted, String ownerName, String ownerKind, LocalDate firstRegistration) {

    public boolean company() {
        return "COMPANY".equalsIgnoreCase(ownerKind);
    }
}
