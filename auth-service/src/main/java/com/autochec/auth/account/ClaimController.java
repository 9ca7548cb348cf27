package com.autochec.auth.account;

import com.autochec.auth.config.ApiProblem;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/accounts/claims}: an owner claims a vehicle by plate and VIN; the claim waits as
 * PENDING for an admin. Owners list their own claims, admins the pending ones.
 */
@RestController
@RequestMapping("/api/accounts/claims")
class ClaimController {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt");

    private final VehicleClaimRepository claims;
    private final Clock clock;

    ClaimController(VehicleClaimRepository claims, Clock clock) {
        this.claims = claims;
        this.clock = clock;
    }

    record ClaimRequest(String plate, String vin) {}

    record ClaimResponse(String id, String accountId, String plate, String vin, ClaimStatus status, Instant createdAt) {
        static ClaimResponse of(VehicleClaim claim) {
            return new ClaimResponse(
                    claim.id(), claim.accountId(), claim.plate(), claim.vin(), claim.status(), claim.createdAt());
        }
    }

    @PostMapping
    @PreAuthorize("hasRole('owner')")
    ResponseEntity<ClaimResponse> claim(@RequestBody ClaimRequest request, @AuthenticationPrincipal Jwt jwt) {
        ClaimInput input = ClaimInput.parse(request.plate(), request.vin());
        if (claims.existsByAccountIdAndVinAndStatus(jwt.getSubject(), input.vin(), ClaimStatus.PENDING)) {
            throw ApiProblem.conflict("You already have a pending claim for this vehicle.");
        }
        VehicleClaim claim = claims.insert(new VehicleClaim(
                UUID.randomUUID().toString(),
                jwt.getSubject(),
                jwt.getClaimAsString("preferred_username"),
                input.plate(),
                input.vin(),
                ClaimStatus.PENDING,
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/accounts/claims/" + claim.id()))
                .body(ClaimResponse.of(claim));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('owner', 'admin')")
    List<ClaimResponse> list(@AuthenticationPrincipal Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        List<VehicleClaim> found = roles != null && roles.contains("admin")
                ? claims.findByStatus(ClaimStatus.PENDING, NEWEST_FIRST)
                : claims.findByAccountId(jwt.getSubject(), NEWEST_FIRST);
        return found.stream().map(ClaimResponse::of).toList();
    }
}
