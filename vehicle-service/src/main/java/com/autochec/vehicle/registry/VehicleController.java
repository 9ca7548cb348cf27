package com.autochec.vehicle.registry;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import com.autochec.contracts.plate.InvalidPlateException;
import com.autochec.contracts.plate.Plate;
import com.autochec.vehicle.registry.VehicleViews.AdminView;
import com.autochec.vehicle.registry.VehicleViews.VehicleView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
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
 * The registry API. Roles: reads for admin, agent and owner (views per {@link VehicleViews}); changes
 * for admin; stolen reports may also be filed by agents (police at the roadside), only admins withdraw
 * them.
 */
@RestController
@RequestMapping("/api/vehicles")
class VehicleController {

    private static final String READERS = "hasAnyRole('admin', 'agent', 'owner')";
    private static final String ADMIN = "hasRole('admin')";

    private final VehicleRegistry registry;

    VehicleController(VehicleRegistry registry) {
        this.registry = registry;
    }

    record VehicleList(List<VehicleView> items) {}

    record VehiclePage(List<AdminView> items, int page, int size, long totalItems) {}

    @GetMapping(params = "plate")
    @PreAuthorize(READERS)
    VehicleView byPlate(@RequestParam String plate, Caller caller) {
        Plate parsed;
        try {
            parsed = Plate.parse(plate);
        } catch (InvalidPlateException e) {
            throw ApiProblem.validation("plate", e.getMessage());
        }
        return registry.findByPlate(parsed)
                .flatMap(v -> VehicleViews.forCaller(v, caller))
                .orElseThrow(() -> ApiProblem.notFound("No vehicle with plate " + parsed.value()));
    }

    @GetMapping(params = "!plate")
    @PreAuthorize(ADMIN)
    VehiclePage list(
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<AdminView> items =
                registry.page(page, size).stream().map(VehicleViews::admin).toList();
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
    VehicleView byId(@PathVariable String id, Caller caller) {
        return registry.find(id)
                .flatMap(v -> VehicleViews.forCaller(v, caller))
                .orElseThrow(() -> VehicleRegistry.notFound(id));
    }

    @PostMapping
    @PreAuthorize(ADMIN)
    ResponseEntity<AdminView> create(@Valid @RequestBody VehicleRequest request) {
        VehicleDocument created = registry.create(request);
        return ResponseEntity.created(URI.create("/api/vehicles/" + created.id())).body(VehicleViews.admin(created));
    }

    @PutMapping("/{id}")
    @PreAuthorize(ADMIN)
    AdminView update(@PathVariable String id, @Valid @RequestBody VehicleRequest request) {
        return VehicleViews.admin(registry.update(id, request));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(ADMIN)
    @ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        registry.delete(id);
    }

    @PostMapping("/{id}/stolen-report")
    @PreAuthorize("hasAnyRole('admin', 'agent')")
    VehicleView reportStolen(
            @PathVariable String id,
            @Valid @RequestBody(required = false) StolenReportRequest request,
            Caller caller) {
        String reference = request == null ? null : request.reference();
        VehicleDocument vehicle = registry.reportStolen(id, caller.subject(), reference);
        return VehicleViews.forCaller(vehicle, caller).orElseThrow();
    }

    @DeleteMapping("/{id}/stolen-report")
    @PreAuthorize(ADMIN)
    AdminView clearStolen(@PathVariable String id) {
        return VehicleViews.admin(registry.clearStolen(id));
    }
}
