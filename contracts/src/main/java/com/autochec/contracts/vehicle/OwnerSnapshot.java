package com.autochec.contracts.vehicle;

/**
 * The current holder of a vehicle. Personal data: consumers must only show it to callers allowed to
 * see it. {@code accountId} is the Keycloak subject of the owner's account when one is linked.
 */
public record OwnerSnapshot(
        String ownerId,
        String kind,
        String name,
        String street,
        String postalCode,
        String town,
        String email,
        String accountId) {}
