package com.autochec.vehicle.registry;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An odometer reading. {@code rollback} is set when {@code km} is lower than a reading of an earlier date
 * (a winding-back signal); the reading is kept, never refused: the registry records what was declared.
 */
public record MileageReading(
        LocalDate date, int km, MileageSource source, boolean rollback, Instant recordedAt, String recordedBy) {}
