package com.autochec.vehicle.registry;

/** Where a mileage reading comes from: a technical inspection, the owner, an agent, an import. */
public enum MileageSource {
    CT,
    OWNER,
    AGENT,
    IMPORT
}
