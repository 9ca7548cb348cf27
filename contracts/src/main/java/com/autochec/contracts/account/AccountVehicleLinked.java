package com.autochec.contracts.account;

import java.time.Instant;

/**
 * An owner account was linked to a vehicle: its claim was approved (automatically, when plate, the VIN's last
 * four characters and the registration-certificate number all matched the registry, or by an admin).
 * Published by auth-service on {@link com.autochec.contracts.Topics#ACCOUNT_VEHICLE_LINKS}, keyed by
 * {@code vehicleId} so the links of one vehicle stay in order; vehicle-service sets the holder's account id,
 * and every service learns the link from the next {@code VehicleStateChanged} ({@code owner.accountId}).
 * Consumers are idempotent: linking an account already linked changes nothing.
 *
 * @param eventId    unique id (UUID); redeliveries keep it
 * @param occurredAt when the claim was approved
 * @param claimId    the approved claim
 * @param accountId  the Keycloak subject of the owner's account
 * @param vehicleId  the vehicle (registry id)
 * @param vin        the vehicle's VIN, as the registry had it when the claim was approved
 * @param plate      the vehicle's plate (normalised), as the registry had it
 */
public record AccountVehicleLinked(
        String eventId, Instant occurredAt, String claimId, String accountId, String vehicleId, String vin, String plate) {}
