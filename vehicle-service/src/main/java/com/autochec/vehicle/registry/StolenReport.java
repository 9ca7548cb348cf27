package com.autochec.vehicle.registry;

import java.time.Instant;

/** Who reported the vehicle stolen and when; {@code reportedBy} is a JWT subject or {@code import}. */
public record StolenReport(Instant reportedAt, String reportedBy, String reference) {}
