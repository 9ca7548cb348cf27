package com.autochec.auth.organisation;

import com.autochec.platform.security.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/organisations}: any authenticated caller lists the active ones (admins see disabled
 * ones too); only admins create, disable or re-enable. Disabling one disables its agents in Keycloak
 * (503 {@code unavailable} when Keycloak is down; repeating the request completes it).
 */
@RestController
@RequestMapping("/api/organisations")
class OrganisationController {

    private final Organisations organisations;

    OrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping
    List<OrganisationResponse> list(Caller caller) {
        return organisations.list(caller.isAdmin());
    }

    @PostMapping
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<OrganisationResponse> create(@Valid @RequestBody OrganisationRequests.Create request, Caller caller) {
        OrganisationResponse created =
                organisations.create(request.name(), OrganisationKind.valueOf(request.kind()), caller);
        return ResponseEntity.created(URI.create("/api/organisations/" + created.id())).body(created);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('admin')")
    OrganisationResponse update(
            @PathVariable String id, @Valid @RequestBody OrganisationRequests.Update request, Caller caller) {
        return organisations.setActive(id, request.active(), caller);
    }
}
