package com.autochec.vehicle.registry;

import java.time.Instant;

/** A former holder of the vehicle and when they held it ({@code from} is null when unknown). */
public record OwnershipPeriod(Owner owner, Instant from, Instant to) {}
