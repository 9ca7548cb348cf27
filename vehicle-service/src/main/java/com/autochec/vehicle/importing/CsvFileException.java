package com.autochec.vehicle.importing;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import com.autochec.platform.problem.ProblemType;
import java.util.List;
import java.util.Map;

/**
 * The file as a whole cannot be imported (empty, bad header, unreadable): a 400 validation problem
 * naming the header or the file, nothing imported.
 */
class CsvFileException extends ApiProblem {

    CsvFileException(String field, String message) {
        super(
                ProblemType.VALIDATION,
                "The CSV file cannot be imported: " + message,
                Map.of("errors", List.of(new FieldError(field, message))));
    }
}
