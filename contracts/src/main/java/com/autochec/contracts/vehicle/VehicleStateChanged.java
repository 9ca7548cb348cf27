package com.autochec.contracts.vehicle;

import java.time.Instant;

/**
 * The full current state of a vehicle, published on every change (compacted topic, key vehicleId).
 * {@code version} increases with each change so consumers can ignore stale or redelivered states.
 * {@code vehicle} is null when the vehicle was deleted.
 */
public record VehicleStateChanged(
        String eventId, Instant occurredAt, String vehicleId, long version, VehicleSnapshot vehicle) {}
