package com.autochec.document.importing;

import java.util.List;

/** {@code {"created":n,"updated":n,"unchanged":n,"errors":[{"line":n,"message":"..."}]}}. */
record ImportReport(int created, int updated, int unchanged, List<RowError> errors) {

    record RowError(int line, String message) {}
}
