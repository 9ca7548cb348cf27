package com.autochec.contracts.check;

import java.time.Instant;
import java.util.List;

/**
 * A check reached its verdict (key checkId). {@code verdict} is OK, WARNING or FAIL, or NOT_FOUND when
 * no vehicle matched, or UNREADABLE when a photo could not be read. {@code vehicle} is null when no
 * vehicle matched. Carries the requester so audit and reporting need no other lookup.
 */
public record CheckCompleted(
        String eventId,
        Instant occurredAt,
        String checkId,
        Instant requestedAt,
        String source,
        String plate,
        String verdict,
        List<Reason> reasons,
        Requester requester,
        String purpose,
        CheckedVehicle vehicle,
        List<DocumentValidity> documents,
        PlateReading reading) {

    /**
     * One rule outcome: a stable code (e.g. INSURANCE_EXPIRED), its severity (WARNING/FAIL), a human
     * message (English) and, optionally (null when absent; added later, so older events lack it), the
     * message in French.
     */
    public record Reason(String code, String severity, String message, String messageFr) {

        public Reason(String code, String severity, String message) {
            this(code, severity, message, null);
        }
    }

    /**
     * Who asked. {@code subject} is the JWT subject, null for anonymous callers; {@code role} is
     * public, agent, owner or admin; {@code organisationKind} (e.g. POLICE) is null when unknown.
     */
    public record Requester(String subject, String username, String role, String organisation, String organisationKind) {

        /** Without the organisation's kind (events written before it was added carry none). */
        public Requester(String subject, String username, String role, String organisation) {
            this(subject, username, role, organisation, null);
        }
    }

    /** The vehicle as checked, with owner name and town (personal data for report and audit only). */
    public record CheckedVehicle(
            String vehicleId,
            String vin,
            String make,
            String model,
            int year,
            String colour,
            String fuel,
            String ownerName,
            String ownerTown,
            String ownerAccountId) {}

    /** Validity of one document type at check time. */
    public record DocumentValidity(String type, boolean valid, String validUntil) {}

    /** For photo checks: what the OCR read (best candidate and its confidence) and the engine. */
    public record PlateReading(String text, double confidence, String engine) {}
}
