package com.autochec.verification.config;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A 4xx answer as an exception: turned into an RFC 9457 problem with a stable {@code type}
 * ({@code https://autochec.dev/problems/<slug>}) by {@link ProblemHandler}.
 */
public class ApiProblem extends RuntimeException {

    public static final String TYPE_BASE = "https://autochec.dev/problems/";

    private final transient ProblemDetail problem;

    private ApiProblem(HttpStatus status, String slug, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.problem = problem(status, slug, title, detail);
        properties.forEach(problem::setProperty);
    }

    public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    /** One invalid request field. */
    public record FieldError(String field, String message) {}

    public static ApiProblem validation(List<FieldError> errors) {
        return new ApiProblem(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Invalid request",
                "The request has invalid fields.",
                Map.of("errors", List.copyOf(errors)));
    }

    public static ApiProblem notFound(String detail, Map<String, Object> properties) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, properties);
    }

    public static ApiProblem payloadTooLarge(String detail) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", detail, Map.of());
    }

    public static ApiProblem unsupportedMediaType(String detail) {
        return new ApiProblem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type", detail, Map.of());
    }

    public ProblemDetail problem() {
        return problem;
    }
}
