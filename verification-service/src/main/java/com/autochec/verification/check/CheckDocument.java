package com.autochec.verification.check;

import com.autochec.platform.security.Caller;
import com.autochec.platform.security.Role;
import com.autochec.contracts.vin.Vin;
import com.autochec.verification.fraud.FraudSignals;
import com.autochec.verification.fraud.Observation;
import com.autochec.verification.fraud.VinReading;
import com.autochec.verification.rules.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One check as stored ({@code checks}): request, requester, result, and two outbox flags in the same
 * document — the plate image still to publish (photo checks) and the {@code CheckCompleted} event.
 * The vehicle and documents are kept as they were at check time (evidence for audit and reports).
 * {@code deadline}: when a PENDING photo check stops waiting for its reading, or a NEEDS_CONFIRMATION one
 * for its confirmation (null once completed). {@code purpose} is a {@code Purpose} code, {@code purposeText}
 * its free text; {@code observed}: what the requester saw (fraud signals); {@code options}: the ranked
 * plates a NEEDS_CONFIRMATION check offers; {@code readAt}: when the plate reading arrived; {@code vinPhoto}: the
 * photo of the VIN plate sent with the check (null when none), its outbox flag, its reading, and the plate reading
 * held while the VIN reading is awaited (a check with a VIN photo completes once both readings are in);
 * {@code signalsPublished}: the outbox flag of its {@code FraudSignalRaised} events (false while pending, null when
 * the check raised none); {@code capturedAt}: when the check was really made on the roadside, as the client stated
 * it (a check sent late from the offline queue), null when it was sent at once — the rules and sightings then use it
 * instead of the clock.
 */
@Document(CheckDocument.COLLECTION)
record CheckDocument(
        @Id String id,
        CheckStatus status,
        CheckSource source,
        String plate,
        String purpose,
        Requester requester,
        String verdict,
        List<Reason> reasons,
        CheckedVehicle vehicle,
        List<CheckedDocument> documents,
        Reading reading,
        Photo photo,
        boolean imagePublished,
        Outbox outbox,
        Instant requestedAt,
        Instant completedAt,
        Instant deadline,
        String purposeText,
        Observed observed,
        List<PlateOption> options,
        Instant readAt,
        VinPhoto vinPhoto,
        Boolean signalsPublished,
        Instant capturedAt) {

    static final String COLLECTION = "checks";

    @PersistenceCreator
    CheckDocument {
        if (signalsPublished == null && status == CheckStatus.COMPLETED && !FraudSignals.raised(reasons).isEmpty()) {
            signalsPublished = false; // a newly completed check with fraud signals: their events are pending
        }
    }

    /** Without the fraud-signal outbox flag (computed: false when a completed check raised fraud signals). */
    CheckDocument(
            String id,
            CheckStatus status,
            CheckSource source,
            String plate,
            String purpose,
            Requester requester,
            String verdict,
            List<Reason> reasons,
            CheckedVehicle vehicle,
            List<CheckedDocument> documents,
            Reading reading,
            Photo photo,
            boolean imagePublished,
            Outbox outbox,
            Instant requestedAt,
            Instant completedAt,
            Instant deadline,
            String purposeText,
            Observed observed,
            List<PlateOption> options,
            Instant readAt,
            VinPhoto vinPhoto,
            Instant capturedAt) {
        this(id, status, source, plate, purpose, requester, verdict, reasons, vehicle, documents, reading, photo,
                imagePublished, outbox, requestedAt, completedAt, deadline, purposeText, observed, options, readAt,
                vinPhoto, null, capturedAt);
    }

    /** Without a VIN photo. */
    CheckDocument(
            String id,
            CheckStatus status,
            CheckSource source,
            String plate,
            String purpose,
            Requester requester,
            String verdict,
            List<Reason> reasons,
            CheckedVehicle vehicle,
            List<CheckedDocument> documents,
            Reading reading,
            Photo photo,
            boolean imagePublished,
            Outbox outbox,
            Instant requestedAt,
            Instant completedAt,
            Instant deadline,
            String purposeText,
            Observed observed,
            List<PlateOption> options,
            Instant readAt,
            Instant capturedAt) {
        this(id, status, source, plate, purpose, requester, verdict, reasons, vehicle, documents, reading, photo,
                imagePublished, outbox, requestedAt, completedAt, deadline, purposeText, observed, options, readAt,
                (VinPhoto) null, capturedAt);
    }

    /** Without a VIN photo or a capture time (checks sent at once, tests, checks stored before them). */
    CheckDocument(
            String id,
            CheckStatus status,
            CheckSource source,
            String plate,
            String purpose,
            Requester requester,
            String verdict,
            List<Reason> reasons,
            CheckedVehicle vehicle,
            List<CheckedDocument> documents,
            Reading reading,
            Photo photo,
            boolean imagePublished,
            Outbox outbox,
            Instant requestedAt,
            Instant completedAt,
            Instant deadline,
            String purposeText,
            Observed observed,
            List<PlateOption> options,
            Instant readAt) {
        this(id, status, source, plate, purpose, requester, verdict, reasons, vehicle, documents, reading, photo,
                imagePublished, outbox, requestedAt, completedAt, deadline, purposeText, observed, options, readAt,
                (Instant) null);
    }

    /** This state with {@code from}'s VIN photo (a state change keeps it). */
    CheckDocument withVinPhotoOf(CheckDocument from) {
        if (from.vinPhoto() == null) {
            return this;
        }
        return new CheckDocument(id, status, source, plate, purpose, requester, verdict, reasons, vehicle, documents,
                reading, photo, imagePublished, outbox, requestedAt, completedAt, deadline, purposeText, observed, options,
                readAt, from.vinPhoto(), signalsPublished, capturedAt);
    }

    /** When the check was made: its capture time when the client stated one, else when it was received. */
    Instant observedAt() {
        return capturedAt != null ? capturedAt : requestedAt;
    }

    /** Without purpose text, observation, options and reading time (tests, checks stored before them). */
    CheckDocument(
            String id,
            CheckStatus status,
            CheckSource source,
            String plate,
            String purpose,
            Requester requester,
            String verdict,
            List<Reason> reasons,
            CheckedVehicle vehicle,
            List<CheckedDocument> documents,
            Reading reading,
            Photo photo,
            boolean imagePublished,
            Outbox outbox,
            Instant requestedAt,
            Instant completedAt,
            Instant deadline) {
        this(id, status, source, plate, purpose, requester, verdict, reasons, vehicle, documents, reading, photo,
                imagePublished, outbox, requestedAt, completedAt, deadline, null, null, null, null);
    }

    record Requester(String subject, String username, Role role, String organisation, String organisationKind) {

        @PersistenceCreator
        Requester {}

        Requester(String subject, String username, Role role, String organisation) {
            this(subject, username, role, organisation, null);
        }

        static Requester of(Caller caller) {
            return new Requester(
                    caller.subject(), caller.username(), caller.role(), caller.organisation(), caller.organisationKind());
        }
    }

    /** What the requester saw (see {@code fraud.Observation}), stored with the check. */
    record Observed(
            String make,
            String colour,
            String vin,
            String vinSource,
            Double lat,
            Double lon,
            String photoColour,
            Double photoColourConfidence) {

        static Observed of(Observation o) {
            if (o == null || o.isEmpty()) {
                return null;
            }
            return new Observed(
                    o.make(),
                    o.colour(),
                    o.vin() == null ? null : o.vin().value(),
                    o.vinSource(),
                    o.location() == null ? null : o.location().lat(),
                    o.location() == null ? null : o.location().lon(),
                    o.photoColour(),
                    o.photoColourConfidence());
        }

        Observation observation() {
            return new Observation(
                    make,
                    colour,
                    vin == null ? null : Vin.tryParse(vin).orElse(null),
                    vinSource,
                    lat == null || lon == null ? null : new Observation.Location(lat, lon),
                    photoColour,
                    photoColourConfidence);
        }
    }

    /**
     * One plate a NEEDS_CONFIRMATION check offers: its confidence, where it comes from ({@code READER}: the
     * OCR's own candidate; {@code CONFUSABLE}: a look-alike character swapped; {@code ONE_EDIT}: one character
     * added, removed or replaced) and whether a vehicle is registered with it (then its make, model, colour).
     */
    record PlateOption(
            String plate, double confidence, String origin, boolean registered, String make, String model, String colour) {}

    record Owner(
            String ownerId,
            String kind,
            String name,
            String street,
            String postalCode,
            String town,
            String email,
            String accountId) {}

    record CheckedVehicle(
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
            Owner owner) {}

    record CheckedDocument(
            String documentId,
            String type,
            String status,
            boolean valid,
            LocalDate validFrom,
            LocalDate validUntil,
            String issuer,
            String reference,
            String result) {}

    record Candidate(String text, double confidence) {}

    record Reading(String text, double confidence, String engine, List<Candidate> candidates) {}

    record Photo(String contentType, long size) {}

    record Outbox(String eventId, boolean published) {}

    /**
     * A check's VIN photo: its type and size, whether it reached the broker, what was read on it (null until the
     * reading arrives) and the plate reading held meanwhile (null until it arrives, or for a typed plate).
     */
    record VinPhoto(String contentType, long size, boolean imagePublished, VinReading reading, HeldReading plateRead) {}

    /** A plate reading kept while the VIN reading is awaited: what {@code PlateRead} said. */
    record HeldReading(
            String eventId,
            boolean success,
            String failureReason,
            List<Candidate> candidates,
            String engine,
            String colour,
            Double colourConfidence) {}
}
