package com.autochec.document.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A client error answered as an RFC 9457 problem with a stable type slug. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final List<FieldError> errors;

    public ProblemException(HttpStatus status, String slug, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException validation(String field, String message) {
        return new ProblemException(
                HttpStatus.BAD_REQUEST, "validation", field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", detail, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", detail, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "conflict", detail, null);
    }

    public static ProblemException payloadTooLarge(String detail) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", detail, null);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", detail, null);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One invalid field. */
    public record FieldError(String field, String message) {}
}
