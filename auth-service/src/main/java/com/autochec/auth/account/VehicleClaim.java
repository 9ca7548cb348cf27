package com.autochec.auth.account;

import com.autochec.platform.outbox.AuditOutbox;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Stored claim (collection {@code vehicle_claims}): an owner account says it holds this vehicle, and proves it
 * with the last four characters of the VIN and the registration-certificate number.
 *
 * <p>{@code vehicleId}, {@code vin} are the registry's vehicle once known (matched or approved); {@code
 * mismatches} say why a claim was not approved automatically (for the admin). When the claim is approved, the
 * link event is pending in the same document ({@code linkEventId}, {@code linkPending}) — the decision and the
 * event to publish are one write; the platform's relay publishes it ({@link ClaimLinkOutbox}). So are the audit
 * events of filing and deciding ({@code audit}, published by {@link ClaimAuditConfig}); {@code version} is bumped by
 * each of these writes, so that marking the events sent never clears newer ones.
 */
@Document(VehicleClaim.COLLECTION)
record VehicleClaim(
        @Id String id,
        String accountId,
        String username,
        String plate,
        String vinLast4,
        String certificateNumber,
        ClaimStatus status,
        Instant createdAt,
        List<String> mismatches,
        String vehicleId,
        String vin,
        Instant decidedAt,
        String decidedBy,
        String reason,
        String linkEventId,
        boolean linkPending,
        long version,
        AuditOutbox audit) {

    static final String COLLECTION = "vehicle_claims";

    VehicleClaim {
        mismatches = mismatches == null ? List.of() : List.copyOf(mismatches);
        audit = audit == null ? AuditOutbox.NONE : audit;
    }
}
