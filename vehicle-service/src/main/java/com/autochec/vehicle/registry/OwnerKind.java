package com.autochec.vehicle.registry;

public enum OwnerKind {
    PERSON,
    COMPANY
}
