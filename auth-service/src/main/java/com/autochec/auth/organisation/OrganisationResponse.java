package com.autochec.auth.organisation;

import java.time.Instant;

/** An organisation as the API shows it. */
public record OrganisationResponse(String id, String name, OrganisationKind kind, boolean active, Instant createdAt) {

    static OrganisationResponse of(Organisation organisation) {
        return new OrganisationResponse(
                organisation.id(),
                organisation.name(),
                organisation.kind(),
                organisation.active(),
                organisation.createdAt());
    }
}
