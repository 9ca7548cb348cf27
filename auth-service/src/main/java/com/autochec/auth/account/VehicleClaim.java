package com.autochec.auth.account;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Stored claim (collection {@code vehicle_claims}): an owner account says it holds this vehicle. */
@Document("vehicle_claims")
record VehicleClaim(
        @Id String id,
        String accountId,
        String username,
        String plate,
        String vin,
        ClaimStatus status,
        Instant createdAt) {}
