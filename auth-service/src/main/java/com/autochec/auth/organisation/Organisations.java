package com.autochec.auth.organisation;

import com.autochec.platform.problem.ApiProblem;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** The organisations: create, list, enable/disable, look up (for agents). */
@Service
public class Organisations {

    private static final Sort BY_NAME = Sort.by("nameKey");

    private final OrganisationRepository repository;
    private final Clock clock;

    Organisations(OrganisationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    List<OrganisationResponse> list(boolean includeInactive) {
        // "all" is "active or not", so that both lists are served by the (active, name) index
        List<Organisation> found = includeInactive
                ? repository.findByActiveIn(List.of(true, false), BY_NAME)
                : repository.findByActiveTrue(BY_NAME);
        return found.stream().map(OrganisationResponse::of).toList();
    }

    OrganisationResponse create(String name, OrganisationKind kind) {
        String clean = name.strip().replaceAll("\\s+", " ");
        Organisation organisation = new Organisation(
                UUID.randomUUID().toString(), clean, Organisation.keyOf(clean), kind, true, clock.instant());
        try {
            return OrganisationResponse.of(repository.insert(organisation));
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("An organisation named \"" + clean + "\" already exists.");
        }
    }

    OrganisationResponse setActive(String id, boolean active) {
        Organisation organisation = repository.findById(id)
                .orElseThrow(() -> ApiProblem.notFound("No organisation with id " + id + "."));
        return OrganisationResponse.of(repository.save(organisation.withActive(active)));
    }

    /** For other features (agents): the organisation with this id, if any. */
    public Optional<OrganisationResponse> find(String id) {
        return repository.findById(id).map(OrganisationResponse::of);
    }

    /** Creates the organisation unless one with the same name exists; true if it was created. */
    boolean ensureExists(String name, OrganisationKind kind) {
        if (repository.findByNameKey(Organisation.keyOf(name)).isPresent()) {
            return false;
        }
        try {
            create(name, kind);
            return true;
        } catch (ApiProblem e) { // another instance created it meanwhile
            return false;
        }
    }
}
