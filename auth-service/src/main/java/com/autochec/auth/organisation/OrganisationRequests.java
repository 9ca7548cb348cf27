package com.autochec.auth.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the organisations API. */
final class OrganisationRequests {

    private OrganisationRequests() {}

    /** {@code POST /api/organisations}. */
    record Create(
            @NotBlank @Size(max = 120) String name,
            @NotNull @Pattern(regexp = "POLICE|GARAGE|INSURER|RENTAL|OTHER",
                    message = "must be one of POLICE, GARAGE, INSURER, RENTAL, OTHER") String kind) {}

    /** {@code PATCH /api/organisations/{id}}: enable or disable. */
    record Update(@NotNull Boolean active) {}
}
