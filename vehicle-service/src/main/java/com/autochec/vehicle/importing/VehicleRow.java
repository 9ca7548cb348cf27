package com.autochec.vehicle.importing;

import com.autochec.vehicle.registry.VehicleData;

/** A valid CSV row: the data to upsert and the stolen flag (null when the column is empty = keep). */
record VehicleRow(int line, VehicleData data, Boolean stolen) {}
