package com.autochec.document.ownership;

/** Published (as a Spring application event) after the ownership projection of a vehicle changed. */
public record OwnershipChanged(String vin) {}
