package com.autochec.vehicle.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A maintenance or claims (sinistre) history entry. Agents and admins see them; the vehicle's owner too;
 * the public never.
 */
public record RecordEntry(
        String id, LocalDate date, String description, Integer km, String recordedBy, Instant recordedAt) {}
