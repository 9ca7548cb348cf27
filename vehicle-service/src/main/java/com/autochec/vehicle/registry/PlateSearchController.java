package com.autochec.vehicle.registry;

import com.autochec.contracts.plate.InvalidPlateException;
import com.autochec.contracts.plate.Plate;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.vehicle.registry.PlateSearch.Candidate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/vehicles/search?plate=}: fuzzy plate lookup ({@link PlateSearch}) for agents and admins;
 * owners and callers without a role get a 403 problem. The answer holds no person data.
 */
@RestController
class PlateSearchController {

    private final PlateSearch search;

    PlateSearchController(PlateSearch search) {
        this.search = search;
    }

    /** {@code plate}: the input in canonical form (compact when it fits no French format). */
    record SearchResult(String plate, List<Candidate> candidates) {}

    @GetMapping("/api/vehicles/search")
    @PreAuthorize("hasAnyRole('admin', 'agent')")
    SearchResult search(@RequestParam(required = false) String plate) {
        Plate parsed;
        try {
            parsed = Plate.parse(plate);
        } catch (InvalidPlateException e) {
            throw ApiProblem.validation("plate", e.getMessage());
        }
        return new SearchResult(parsed.value(), search.search(parsed));
    }
}
