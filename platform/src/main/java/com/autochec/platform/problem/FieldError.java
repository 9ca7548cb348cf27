package com.autochec.platform.problem;

/** One invalid request field, listed under {@code errors} in a validation problem. */
public record FieldError(String field, String message) {}
