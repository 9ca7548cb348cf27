package com.autochec.auth.account;

import com.autochec.platform.problem.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Owners' claims of vehicles: recorded as PENDING for an admin, one pending claim per account and VIN. */
@Service
class Claims {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt");

    private final VehicleClaimRepository claims;
    private final Clock clock;

    Claims(VehicleClaimRepository claims, Clock clock) {
        this.claims = claims;
        this.clock = clock;
    }

    /** A claim as the API shows it. */
    record ClaimView(String id, String accountId, String plate, String vin, ClaimStatus status, Instant createdAt) {
        static ClaimView of(VehicleClaim claim) {
            return new ClaimView(
                    claim.id(), claim.accountId(), claim.plate(), claim.vin(), claim.status(), claim.createdAt());
        }
    }

    ClaimView claim(String accountId, String username, ClaimInput input) {
        if (claims.existsByAccountIdAndVinAndStatus(accountId, input.vin(), ClaimStatus.PENDING)) {
            throw ApiProblem.conflict("You already have a pending claim for this vehicle.");
        }
        return ClaimView.of(claims.insert(new VehicleClaim(
                UUID.randomUUID().toString(),
                accountId,
                username,
                input.plate(),
                input.vin(),
                ClaimStatus.PENDING,
                clock.instant())));
    }

    /** Admins see every pending claim, owners their own. */
    List<ClaimView> list(String accountId, boolean admin) {
        List<VehicleClaim> found = admin
                ? claims.findByStatus(ClaimStatus.PENDING, NEWEST_FIRST)
                : claims.findByAccountId(accountId, NEWEST_FIRST);
        return found.stream().map(ClaimView::of).toList();
    }
}
