package com.autochec.vehicle.problem;

import java.util.List;

/** Invalid request parameters found outside bean validation: 400 with field errors. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldProblem> errors;

    public InvalidRequestException(String field, String message) {
        super(field + ": " + message);
        this.errors = List.of(new FieldProblem(field, message));
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
