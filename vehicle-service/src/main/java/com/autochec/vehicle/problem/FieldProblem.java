package com.autochec.vehicle.problem;

/** One invalid field of a request: {@code {"field": "...", "message": "..."}}. */
public record FieldProblem(String field, String message) {}
