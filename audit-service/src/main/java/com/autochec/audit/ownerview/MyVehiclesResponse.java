package com.autochec.audit.ownerview;

import java.time.Instant;
import java.util.List;

/** Who consulted the caller's vehicles: agents' and admins' checks in detail, public lookups as counts. */
record MyVehiclesResponse(List<Vehicle> vehicles) {

    record Vehicle(String plate, List<Consultation> consultations, long publicLookups) {}

    /** One professional consultation; never the agent's name. */
    record Consultation(Instant occurredAt, String organisation, String role, String purpose) {}
}
