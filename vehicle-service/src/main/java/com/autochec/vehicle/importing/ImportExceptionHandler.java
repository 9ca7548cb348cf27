package com.autochec.vehicle.importing;

import com.autochec.vehicle.problem.FieldProblem;
import com.autochec.vehicle.problem.Problems;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A file that cannot be imported at all: 400 validation problem naming the header or the file. */
@RestControllerAdvice(assignableTypes = ImportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportExceptionHandler {

    @ExceptionHandler(CsvFileException.class)
    ProblemDetail unreadable(CsvFileException e) {
        return Problems.validation("The CSV file cannot be imported: " + e.getMessage(),
                List.of(new FieldProblem(e.field(), e.getMessage())));
    }
}
