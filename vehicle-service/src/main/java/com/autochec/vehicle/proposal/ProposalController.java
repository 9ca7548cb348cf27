package com.autochec.vehicle.proposal;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
 * {@code /api/proposals}: agents and owners propose (owners for their own vehicles, never VIN/make/model),
 * everyone with a role sees their own ({@code /mine}), admins see the queue with the diff (oldest first) and
 * approve or reject with a reason.
 */
@RestController
@RequestMapping("/api/proposals")
class ProposalController {

    private final Proposals proposals;

    ProposalController(Proposals proposals) {
        this.proposals = proposals;
    }

    record Created(String id, String status) {}

    record Decision(@Size(max = 1000) String reason) {}

    /** What was proposed; {@code current} is the vehicle's value now (queue) or when proposed (mine). */
    record ProposalView(
            String id,
            String vehicleId,
            String plate,
            String field,
            String current,
            String proposed,
            String justification,
            String documentId,
            String proposedBy,
            String proposerRole,
            String proposerOrganisation,
            String status,
            Instant createdAt,
            Instant decidedAt,
            String reason) {}

    record ProposalPage(List<ProposalView> items, int page, int size, long totalItems) {}

    record ProposalList(List<ProposalView> items) {}

    @PostMapping
    @PreAuthorize("hasAnyRole('admin', 'agent', 'owner')")
    ResponseEntity<Created> propose(@Valid @RequestBody ProposalRequest request, Caller caller) {
        ProposalDocument p = proposals.propose(request, caller);
        return ResponseEntity.created(URI.create("/api/proposals/" + p.id())).body(new Created(p.id(), p.status()));
    }

    @GetMapping
    @PreAuthorize("hasRole('admin')")
    ProposalPage queue(
            @RequestParam(defaultValue = "PENDING") String status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        String s = status.strip().toUpperCase(Locale.ROOT);
        if (!List.of("PENDING", "APPROVED", "REJECTED").contains(s)) {
            throw ApiProblem.validation("status", "PENDING, APPROVED ou REJECTED");
        }
        List<ProposalView> items = proposals.page(s, page, size).stream()
                .map(p -> view(p, ProposalDocument.PENDING.equals(p.status())
                        ? proposals.vehicle(p.vehicleId()).map(v -> ProposalField.parse(p.field()).current(v))
                                .orElse(p.currentValue())
                        : p.currentValue(), true))
                .toList();
        return new ProposalPage(items, page, size, proposals.count(s));
    }

    @GetMapping("/mine")
    @PreAuthorize("hasAnyRole('admin', 'agent', 'owner')")
    ProposalList mine(Caller caller) {
        return new ProposalList(proposals.mine(caller).stream().map(p -> view(p, p.currentValue(), false)).toList());
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('admin')")
    ProposalView approve(@PathVariable String id, @Valid @RequestBody(required = false) Decision decision, Caller caller) {
        ProposalDocument p = proposals.approve(id, decision == null ? null : decision.reason(), caller);
        return view(p, p.currentValue(), true);
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('admin')")
    ProposalView reject(@PathVariable String id, @Valid @RequestBody(required = false) Decision decision, Caller caller) {
        ProposalDocument p = proposals.reject(id, decision == null ? null : decision.reason(), caller);
        return view(p, p.currentValue(), true);
    }

    private static ProposalView view(ProposalDocument p, String current, boolean admin) {
        return new ProposalView(p.id(), p.vehicleId(), p.plate(), p.field(), current, p.value(), p.justification(),
                p.documentId(), admin ? p.proposerUsername() : null, p.proposerRole(), p.proposerOrganisation(),
                p.status(), p.createdAt(), p.decidedAt(), p.reason());
    }
}
