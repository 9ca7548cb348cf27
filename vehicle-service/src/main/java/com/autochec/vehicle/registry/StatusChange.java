package com.autochec.vehicle.registry;

import java.time.Instant;

/** One change of an administrative flag: set ({@code active}) or lifted, when, by whom, why. */
public record StatusChange(AdminStatus status, boolean active, Instant at, String by, String reason) {}
