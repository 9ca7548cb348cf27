package com.autochec.auth.account;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/accounts/claims}: an owner claims a vehicle with its plate, the last four characters of its VIN
 * and its registration-certificate number — approved at once (201, {@code APPROVED}) when all match the
 * registry, else {@code PENDING} for an admin. Owners list and read their own claims; admins list claims by
 * status and approve or reject them with a reason.
 */
@RestController
@RequestMapping("/api/accounts/claims")
class ClaimController {

    private final Claims claims;

    ClaimController(Claims claims) {
        this.claims = claims;
    }

    record ClaimRequest(String plate, String vinLast4, String certificateNumber) {}

    record Decision(@NotBlank @Size(max = 500) String reason) {}

    record OptionalDecision(@Size(max = 500) String reason) {}

    @PostMapping
    @PreAuthorize("hasRole('owner')")
    ResponseEntity<Claims.ClaimView> claim(@RequestBody ClaimRequest request, Caller caller) {
        ClaimInput input = ClaimInput.parse(request.plate(), request.vinLast4(), request.certificateNumber());
        Claims.ClaimView claim = claims.claim(caller, input);
        return ResponseEntity.created(URI.create("/api/accounts/claims/" + claim.id())).body(claim);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('owner', 'admin')")
    List<?> list(@RequestParam(required = false) String status, Caller caller) {
        return claims.list(caller, parseStatus(status));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('owner', 'admin')")
    Object get(@PathVariable String id, Caller caller) {
        return claims.get(caller, id);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('admin')")
    Claims.AdminClaimView approve(
            @PathVariable String id, @Valid @RequestBody(required = false) OptionalDecision decision, Caller caller) {
        String reason = decision == null || decision.reason() == null || decision.reason().isBlank()
                ? "Approuvée par un administrateur." : decision.reason().strip();
        return claims.approve(caller, id, reason);
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('admin')")
    Claims.AdminClaimView reject(@PathVariable String id, @Valid @RequestBody Decision decision, Caller caller) {
        return claims.reject(caller, id, decision.reason().strip());
    }

    private static ClaimStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ClaimStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation("status", "doit être PENDING, APPROVED ou REJECTED");
        }
    }
}
