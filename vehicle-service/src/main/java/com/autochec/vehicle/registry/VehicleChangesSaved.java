package com.autochec.vehicle.registry;

/**
 * Published (in-process) after vehicle changes with pending outbox entries were saved, so the outbox
 * relay publishes them right away instead of waiting for its next sweep.
 */
public record VehicleChangesSaved(int count) {}
