package com.autochec.auth.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Stored organisation (collection {@code organisations}). {@code nameKey} is the name folded for the
 * unique index, so "Garage Dupont" and "garage  dupont" cannot both exist. {@code suspendedAgentIds} are
 * the agent accounts disabling the organisation disabled (and re-enabling it enables again, and only
 * them: an agent an admin disabled on their own stays disabled). Never returned by a controller: see
 * {@link OrganisationResponse}.
 */
@Document("organisations")
record Organisation(
        @Id String id,
        String name,
        String nameKey,
        OrganisationKind kind,
        boolean active,
        Instant createdAt,
        List<String> suspendedAgentIds) {

    Organisation {
        suspendedAgentIds = suspendedAgentIds == null ? List.of() : List.copyOf(suspendedAgentIds);
    }

    static String keyOf(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    Organisation withActive(boolean newActive, List<String> suspended) {
        return new Organisation(id, name, nameKey, kind, newActive, createdAt, suspended);
    }
}
