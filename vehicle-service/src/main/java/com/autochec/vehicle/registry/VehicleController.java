package com.autochec.vehicle.registry;

import com.autochec.contracts.plate.InvalidPlateException;
import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.privacy.StatedPurpose;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import com.autochec.platform.security.PurposeRequests;
import com.autochec.vehicle.audit.ViewAudit;
import com.autochec.vehicle.registry.VehicleViews.AdminView;
import com.autochec.vehicle.registry.VehicleViews.VehicleSummary;
import com.autochec.vehicle.registry.VehicleViews.VehicleView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry API. Roles: reads for admin, agent and owner (views per {@link VehicleViews}); agents and
 * admins state a purpose ({@code purpose}, {@code purposeText} for OTHER) for every read of a vehicle with its
 * holder, and each such read is audited ({@link ViewAudit}); changes for admin; mileage readings, maintenance
 * and claims entries also for agents. Stolen reports: {@code com.autochec.vehicle.proposal}.
 */
@RestController
@RequestMapping("/api/vehicles")
class VehicleController {

    private static final String READERS = "hasAnyRole('admin', 'agent', 'owner')";
    private static final String STAFF = "hasAnyRole('admin', 'agent')";
    private static final String ADMIN = "hasRole('admin')";

    private final VehicleRegistry registry;
    private final ViewAudit audit;

    VehicleController(VehicleRegistry registry, ViewAudit audit) {
        this.registry = registry;
        this.audit = audit;
    }

    record VehicleList(List<VehicleView> items) {}

    record VehiclePage(List<VehicleSummary> items, int page, int size, long totalItems) {}

    record MileageRequest(
            @NotNull @PastOrPresent LocalDate date,
            @NotNull @Min(0) @Max(5_000_000) Integer km,
            @jakarta.validation.constraints.Pattern(regexp = "CT|OWNER|AGENT|IMPORT", message = "CT, OWNER, AGENT ou IMPORT")
                    String source) {}

    record EntryRequest(
            @NotNull @PastOrPresent LocalDate date,
            @NotBlank @Size(max = 500) String description,
            @Min(0) @Max(5_000_000) Integer km) {}

    record StatusRequest(
            @NotBlank String status,
            @NotNull Boolean active,
            @Size(max = 500) String reason) {}

    record TransferRequest(@NotNull @Valid OwnerRequest owner) {}

    @GetMapping(params = "plate")
    @PreAuthorize(READERS)
    VehicleView byPlate(
            @RequestParam String plate,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String purposeText,
            Caller caller) {
        StatedPurpose stated = caller.isStaff() ? PurposeRequests.parse(purpose, purposeText, true) : null;
        Plate parsed;
        try {
            parsed = Plate.parse(plate);
        } catch (InvalidPlateException e) {
            throw ApiProblem.validation("plate", e.getMessage());
        }
        return viewed(registry.findByPlate(parsed), caller, stated)
                .orElseThrow(() -> ApiProblem.notFound("Aucun véhicule immatriculé " + parsed.value()));
    }

    @GetMapping(params = "!plate")
    @PreAuthorize(ADMIN)
    VehiclePage list(
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<VehicleSummary> items =
                registry.page(page, size).stream().map(VehicleViews::summary).toList();
        return new VehiclePage(items, page, size, registry.count());
    }

    @GetMapping("/mine")
    @PreAuthorize(READERS)
    VehicleList mine(Caller caller) {
        return new VehicleList(registry.ownedBy(caller.subject()).stream()
                .<VehicleView>map(VehicleViews::owner)
                .toList());
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    VehicleView byId(
            @PathVariable String id,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String purposeText,
            Caller caller) {
        StatedPurpose stated = caller.isStaff() ? PurposeRequests.parse(purpose, purposeText, true) : null;
        return viewed(registry.find(id), caller, stated).orElseThrow(() -> VehicleRegistry.notFound(id));
    }

    /** The caller's view; a staff view of a vehicle with a holder is recorded before it is returned. */
    private Optional<VehicleView> viewed(Optional<VehicleDocument> found, Caller caller, StatedPurpose purpose) {
        Optional<VehicleView> view = found.flatMap(v -> VehicleViews.forCaller(v, caller));
        if (view.isPresent() && purpose != null) {
            VehicleDocument v = found.get();
            if (v.owner() != null && !v.holdsAccount(caller.subject())) {
                audit.vehicleViewed(caller, purpose, VehicleChanges.ref(v));
            }
        }
        return view;
    }

    @PostMapping
    @PreAuthorize(ADMIN)
    ResponseEntity<AdminView> create(@Valid @RequestBody VehicleRequest request, Caller caller) {
        VehicleDocument created = registry.create(request, caller);
        return ResponseEntity.created(URI.create("/api/vehicles/" + created.id())).body(VehicleViews.admin(created));
    }

    @PutMapping("/{id}")
    @PreAuthorize(ADMIN)
    AdminView update(@PathVariable String id, @Valid @RequestBody VehicleRequest request, Caller caller) {
        return VehicleViews.admin(registry.update(id, request, caller));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(ADMIN)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, Caller caller) {
        registry.delete(id, caller);
    }

    /** Ownership transfer: the new holder; the current one moves to the ownership history. */
    @PostMapping("/{id}/transfer")
    @PreAuthorize(ADMIN)
    AdminView transfer(@PathVariable String id, @Valid @RequestBody TransferRequest request, Caller caller) {
        return VehicleViews.admin(registry.transfer(id, request.owner(), caller));
    }

    /** Sets or lifts an administrative flag (GAGE, OPPOSITION, CERTIFICATE_LOST...; STOLEN has its own endpoints). */
    @PostMapping("/{id}/status")
    @PreAuthorize(ADMIN)
    AdminView status(@PathVariable String id, @Valid @RequestBody StatusRequest request, Caller caller) {
        AdminStatus status;
        try {
            status = AdminStatus.valueOf(request.status().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation("status", "statut inconnu : GAGE, OPPOSITION, CERTIFICATE_LOST, "
                    + "CERTIFICATE_STOLEN, DESTROYED ou EXPORTED");
        }
        if (status == AdminStatus.STOLEN || status == AdminStatus.NORMAL) {
            throw ApiProblem.validation("status", "STOLEN se signale par /stolen-report ; NORMAL = aucun statut actif");
        }
        return VehicleViews.admin(registry.setStatus(id, status, request.active(), request.reason(), caller));
    }

    /** A mileage reading (answer: the vehicle's record, no person data); agents record AGENT (or CT) readings, admins any source. */
    @PostMapping("/{id}/mileage")
    @PreAuthorize(STAFF)
    ResponseEntity<VehicleViews.RecordView> mileage(@PathVariable String id, @Valid @RequestBody MileageRequest request, Caller caller) {
        MileageSource source = request.source() == null
                ? (caller.isAdmin() ? MileageSource.IMPORT : MileageSource.AGENT)
                : MileageSource.valueOf(request.source());
        if (!caller.isAdmin() && (source == MileageSource.OWNER || source == MileageSource.IMPORT)) {
            throw ApiProblem.forbidden("Un agent enregistre des relevés AGENT ou CT");
        }
        VehicleDocument v = registry.addMileage(id, request.date(), request.km(), source, caller, null);
        return ResponseEntity.status(HttpStatus.CREATED).body(VehicleViews.record(v));
    }

    @PostMapping("/{id}/maintenance")
    @PreAuthorize(STAFF)
    ResponseEntity<VehicleViews.RecordView> maintenance(@PathVariable String id, @Valid @RequestBody EntryRequest request, Caller caller) {
        VehicleDocument v = registry.addEntry(id, false, request.date(), request.description(), request.km(), caller);
        return ResponseEntity.status(HttpStatus.CREATED).body(VehicleViews.record(v));
    }

    @PostMapping("/{id}/claims")
    @PreAuthorize(STAFF)
    ResponseEntity<VehicleViews.RecordView> claims(@PathVariable String id, @Valid @RequestBody EntryRequest request, Caller caller) {
        VehicleDocument v = registry.addEntry(id, true, request.date(), request.description(), request.km(), caller);
        return ResponseEntity.status(HttpStatus.CREATED).body(VehicleViews.record(v));
    }
}
