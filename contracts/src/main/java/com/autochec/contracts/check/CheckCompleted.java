package com.autochec.contracts.check;

import java.time.Instant;
import java.util.List;

/**
 * A check reached its verdict (key checkId). {@code verdict} is OK, WARNING or FAIL, or NOT_FOUND when
 * no vehicle matched, or UNREADABLE when a photo could not be read. {@code vehicle} is null when no
 * vehicle matched. Carries the requester so audit and reporting need no other lookup. {@code capturedAt}: when
 * the check was really made on the roadside, for a check sent late from a device's offline queue (the rules
 * judged the documents as of that instant); null when it was sent at once, and in events written before it.
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
        PlateReading reading,
        String purposeText,
        Location location,
        Instant capturedAt) {

    /** Without the capture time (checks sent at once; events written before it was added carry none). */
    public CheckCompleted(
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
            PlateReading reading,
            String purposeText,
            Location location) {
        this(eventId, occurredAt, checkId, requestedAt, source, plate, verdict, reasons, requester, purpose, vehicle,
                documents, reading, purposeText, location, null);
    }

    /** Without the check's place (events written before it was added carry none). */
    public CheckCompleted(
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
            PlateReading reading,
            String purposeText) {
        this(eventId, occurredAt, checkId, requestedAt, source, plate, verdict, reasons, requester, purpose, vehicle,
                documents, reading, purposeText, null, null);
    }

    /**
     * Without the purpose's free text (events written before it was added carry none). {@code purpose} is a
     * {@code com.autochec.contracts.privacy.Purpose} code for agents' and admins' checks (older events: free
     * text), null for public and owner checks; {@code purposeText} the text stated with it (required with
     * OTHER).
     */
    public CheckCompleted(
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
        this(eventId, occurredAt, checkId, requestedAt, source, plate, verdict, reasons, requester, purpose, vehicle,
                documents, reading, null, null, null);
    }

    /**
     * One rule result: a stable code (e.g. INSURANCE_EXPIRED), its severity (INFO/WARNING/FAIL), a human
     * message (English), the message in French and the evidence it was decided from (ordered key/value
     * strings such as {@code validUntil}, {@code source}, {@code asOf}). {@code messageFr} and
     * {@code evidence} were added later: older events lack them (null).
     */
    public record Reason(String code, String severity, String message, String messageFr, java.util.Map<String, String> evidence) {

        public Reason(String code, String severity, String message, String messageFr) {
            this(code, severity, message, messageFr, null);
        }

        public Reason(String code, String severity, String message) {
            this(code, severity, message, null, null);
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

    /**
     * Where the check was made, as the agent's device stated it (WGS 84 degrees); null when not stated. Printed on
     * the field report; not a person's data (the place of a vehicle check).
     */
    public record Location(double lat, double lon) {}

    /** For photo checks: what the OCR read (best candidate and its confidence) and the engine. */
    public record PlateReading(String text, double confidence, String engine) {}
}
