package com.autochec.auth.account;

import java.net.URI;
import java.util.List;
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

    private final Claims claims;

    ClaimController(Claims claims) {
        this.claims = claims;
    }

    record ClaimRequest(String plate, String vin) {}

    @PostMapping
    @PreAuthorize("hasRole('owner')")
    ResponseEntity<Claims.ClaimView> claim(@RequestBody ClaimRequest request, @AuthenticationPrincipal Jwt jwt) {
        ClaimInput input = ClaimInput.parse(request.plate(), request.vin());
        Claims.ClaimView claim = claims.claim(jwt.getSubject(), jwt.getClaimAsString("preferred_username"), input);
        return ResponseEntity.created(URI.create("/api/accounts/claims/" + claim.id())).body(claim);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('owner', 'admin')")
    List<Claims.ClaimView> list(@AuthenticationPrincipal Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return claims.list(jwt.getSubject(), roles != null && roles.contains("admin"));
    }
}
