package com.autochec.vehicle.registry;

import com.autochec.contracts.privacy.StatedPurpose;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import com.autochec.platform.security.PurposeRequests;
import com.autochec.vehicle.audit.AuditEvents.VehicleRef;
import com.autochec.vehicle.audit.ViewAudit;
import com.autochec.vehicle.registry.VehicleViews.OwnerDetails;
import com.autochec.vehicle.registry.VehicleViews.VehicleSummary;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Holders (persons and companies), admin only. A holder lives in the vehicles it holds: it is created with a
 * vehicle ({@code POST /api/vehicles}, CSV import) or a transfer ({@code POST /api/vehicles/{id}/transfer}),
 * read here with its vehicles (purpose stated, audited), corrected here on all its vehicles at once, and leaves
 * the registry when its last vehicle is transferred (it then remains in those vehicles' ownership history).
 */
@RestController
class OwnerController {

    private final VehicleRegistry registry;
    private final ViewAudit audit;

    OwnerController(VehicleRegistry registry, ViewAudit audit) {
        this.registry = registry;
        this.audit = audit;
    }

    record OwnerRecord(OwnerDetails owner, List<VehicleSummary> vehicles) {}

    @GetMapping("/api/vehicles/owners/{ownerId}")
    @PreAuthorize("hasRole('admin')")
    OwnerRecord owner(
            @PathVariable String ownerId,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String purposeText,
            Caller caller) {
        StatedPurpose stated = PurposeRequests.parse(purpose, purposeText, true);
        List<VehicleDocument> held = registry.heldBy(ownerId);
        if (held.isEmpty()) {
            throw ApiProblem.notFound("Aucun titulaire " + ownerId + " (titulaire actuel d'un véhicule)");
        }
        Owner owner = held.get(0).owner();
        audit.vehicleViewed(caller, stated, new VehicleRef(held.get(0).id(), held.get(0).plate(), owner.accountId()));
        return new OwnerRecord(VehicleViews.details(owner), held.stream().map(VehicleViews::summary).toList());
    }

    @PutMapping("/api/vehicles/owners/{ownerId}")
    @PreAuthorize("hasRole('admin')")
    OwnerRecord update(@PathVariable String ownerId, @Valid @RequestBody OwnerRequest request, Caller caller) {
        List<VehicleDocument> changed = registry.updateOwner(ownerId, request, caller);
        return new OwnerRecord(VehicleViews.details(changed.get(0).owner()),
                changed.stream().map(VehicleViews::summary).toList());
    }
}
