package com.autochec.vehicle.proposal;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stolen reports: agents of law-enforcement organisations (POLICE, GENDARMERIE, CUSTOMS) and admins flag a
 * vehicle stolen at once (200); other agents' reports (garages, insurers, rental companies) become a proposal
 * of field STOLEN that an admin confirms (202 with the proposal). Only admins clear the flag. Each is audited.
 */
@RestController
class StolenReportController {

    private final Proposals proposals;
    private final com.autochec.vehicle.registry.VehicleRegistry registry;

    StolenReportController(Proposals proposals, com.autochec.vehicle.registry.VehicleRegistry registry) {
        this.proposals = proposals;
        this.registry = registry;
    }

    record StolenReportRequest(@Size(max = 100) String reference) {}

    record ClearRequest(@Size(max = 500) String reason) {}

    /** {@code status}: STOLEN (in effect) or PENDING (proposal {@code proposalId} waits for an admin). */
    record StolenReportResult(String vehicleId, String plate, String status, String proposalId, Instant reportedAt) {}

    @PostMapping("/api/vehicles/{id}/stolen-report")
    @PreAuthorize("hasAnyRole('admin', 'agent')")
    ResponseEntity<StolenReportResult> report(
            @PathVariable String id, @Valid @RequestBody(required = false) StolenReportRequest request, Caller caller) {
        String reference = request == null ? null : request.reference();
        var vehicle = registry.find(id).orElseThrow(() -> ApiProblem.notFound("Aucun véhicule " + id));
        if (caller.isAdmin() || Proposals.lawEnforcement(caller)) {
            var v = registry.reportStolen(id, caller, reference, null);
            return ResponseEntity.ok(new StolenReportResult(v.id(), v.plate(), "STOLEN", null, v.stolenReport().reportedAt()));
        }
        ProposalDocument p = proposals.proposeStolen(vehicle, reference, caller);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new StolenReportResult(vehicle.id(), vehicle.plate(), p.status(), p.id(), p.createdAt()));
    }

    @DeleteMapping("/api/vehicles/{id}/stolen-report")
    @PreAuthorize("hasRole('admin')")
    StolenReportResult clear(@PathVariable String id, @Valid @RequestBody(required = false) ClearRequest request, Caller caller) {
        var v = registry.clearStolen(id, caller, request == null ? null : request.reason());
        return new StolenReportResult(v.id(), v.plate(), "CLEARED", null, null);
    }
}
