package com.autochec.verification.rules;

import java.time.LocalDate;

/** What the rules need to know about the vehicle itself. */
public record VehicleFacts(String plate, LocalDate firstRegistration, boolean stolen) {}
