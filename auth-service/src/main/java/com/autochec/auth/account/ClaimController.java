package com.autochec.auth.account;

import com.autochec.platform.security.Caller;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
    ResponseEntity<Claims.ClaimView> claim(@RequestBody ClaimRequest request, Caller caller) {
        ClaimInput input = ClaimInput.parse(request.plate(), request.vin());
        Claims.ClaimView claim = claims.claim(caller.subject(), caller.username(), input);
        return ResponseEntity.created(URI.create("/api/accounts/claims/" + claim.id())).body(claim);
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('owner', 'admin')")
    List<Claims.ClaimView> list(Caller caller) {
        return claims.list(caller.subject(), caller.isAdmin());
    }
}
