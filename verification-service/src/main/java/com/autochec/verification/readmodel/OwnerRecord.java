package com.autochec.verification.readmodel;

/** The holder of a vehicle as last published by vehicle-service. Personal data. */
public record OwnerRecord(
        String ownerId,
        String kind,
        String name,
        String street,
        String postalCode,
        String town,
        String email,
        String accountId) {}
