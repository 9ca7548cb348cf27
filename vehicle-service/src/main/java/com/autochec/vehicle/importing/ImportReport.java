package com.autochec.vehicle.importing;

import java.util.List;

/** The import's answer: {@code {"created":n,"updated":n,"unchanged":n,"errors":[{"line":n,"message":"..."}]}}. */
record ImportReport(int created, int updated, int unchanged, List<RowError> errors) {}
