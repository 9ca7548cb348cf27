package com.autochec.audit.ownerview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Who consulted the caller's vehicles: agents' and admins' checks and person-data views in detail (never the
 * agent's name; law-enforcement lookups as "forces de l'ordre" without their purpose), public lookups as daily
 * counts.
 */
record MyVehiclesResponse(List<Vehicle> vehicles) {

    record Vehicle(String plate, String vehicleId, List<Consultation> consultations, long publicLookups,
            List<DailyCount> publicLookupsByDay) {}

    /**
     * One professional consultation. {@code kind}: CHECK, VEHICLE_VIEWED or DOCUMENT_VIEWED. {@code purpose} and
     * {@code purposeLabel} are null for law enforcement.
     */
    record Consultation(Instant occurredAt, String kind, String organisation, String role, boolean lawEnforcement,
            String purpose, String purposeLabel) {}

    record DailyCount(LocalDate date, long count) {}
}
