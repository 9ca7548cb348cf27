package com.autochec.verification.check;

import com.autochec.platform.security.Caller;
import com.autochec.platform.security.Role;
import com.autochec.verification.rules.Reason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One check as stored ({@code checks}): request, requester, result, and two outbox flags in the same
 * document — the plate image still to publish (photo checks) and the {@code CheckCompleted} event.
 * The vehicle and documents are kept as they were at check time (evidence for audit and reports).
 * {@code deadline}: when a PENDING photo check stops waiting for its reading (null once completed).
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
        Instant deadline) {

    static final String COLLECTION = "checks";

    record Requester(String subject, String username, Role role, String organisation) {

        static Requester of(Caller caller) {
            return new Requester(caller.subject(), caller.username(), caller.role(), caller.organisation());
        }
    }

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
}
