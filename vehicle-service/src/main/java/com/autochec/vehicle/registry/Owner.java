package com.autochec.vehicle.registry;

/**
 * The holder of a vehicle, embedded in the vehicle document. {@code accountId} is the Keycloak subject
 * of the owner's account when one is linked (owners see their vehicles through it).
 */
public record Owner(
        String ownerId,
        OwnerKind kind,
        String name,
        String street,
        String postalCode,
        String town,
        String email,
        String accountId) {}
