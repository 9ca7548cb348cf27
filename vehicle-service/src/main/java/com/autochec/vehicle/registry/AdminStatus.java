package com.autochec.vehicle.registry;

/**
 * Administrative status flags of a vehicle, as HistoVec shows them. A vehicle holds a set of active flags;
 * NORMAL is the empty set (never stored). STOLEN is the stolen report ({@link VehicleDocument#stolen()}).
 */
public enum AdminStatus {
    NORMAL,
    STOLEN,
    GAGE,
    OPPOSITION,
    CERTIFICATE_LOST,
    CERTIFICATE_STOLEN,
    DESTROYED,
    EXPORTED
}
