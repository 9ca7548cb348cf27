package com.autochec.vehicle.importing;

import com.autochec.vehicle.registry.AdminStatus;
import com.autochec.vehicle.registry.MileageReading;
import com.autochec.vehicle.registry.VehicleData;
import java.util.List;
import java.util.Set;

/**
 * A valid CSV row: the data to upsert, the stolen flag, the administrative flags and the mileage readings
 * (each null when the column is empty = keep).
 */
record VehicleRow(
        int line, VehicleData data, Boolean stolen, Set<AdminStatus> statuses, List<MileageReading> mileage) {

    VehicleRow(int line, VehicleData data, Boolean stolen) {
        this(line, data, stolen, null, null);
    }
}
