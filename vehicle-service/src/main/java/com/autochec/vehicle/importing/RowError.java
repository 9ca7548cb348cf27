package com.autochec.vehicle.importing;

/** A skipped row: {@code {"line": n, "message": "..."}} (line 1 is the header). */
record RowError(int line, String message) {}
