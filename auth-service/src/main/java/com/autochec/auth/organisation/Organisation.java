package com.autochec.auth.organisation;

import java.time.Instant;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Stored organisation (collection {@code organisations}). {@code nameKey} is the name folded for the
 * unique index, so "Garage Dupont" and "garage  dupont" cannot both exist. Never returned by a
 * controller: see {@link OrganisationResponse}.
 */
@Document("organisations")
record Organisation(
        @Id String id, String name, String nameKey, OrganisationKind kind, boolean active, Instant createdAt) {

    static String keyOf(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    Organisation withActive(boolean newActive) {
        return new Organisation(id, name, nameKey, kind, newActive, createdAt);
    }
}
