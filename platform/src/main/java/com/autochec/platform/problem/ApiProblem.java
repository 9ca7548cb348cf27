package com.autochec.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * A client error raised anywhere in a service, answered as an RFC 9457 problem by the platform's
 * handlers: the {@link ProblemType}, a human {@code detail} and optional extra members (e.g. field
 * {@code errors}, a {@code code}).
 */
public class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final transient Map<String, Object> properties;

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ApiProblem(ProblemType type, String detail, Map<String, ?> properties) {
        super(detail, null, false, false); // an expected outcome: no stack trace to fill
        this.type = type;
        this.properties = Map.copyOf(new LinkedHashMap<>(properties));
    }

    public static ApiProblem validation(List<FieldError> errors) {
        return new ApiProblem(ProblemType.VALIDATION, "The request has invalid fields.", Map.of("errors", List.copyOf(errors)));
    }

    public static ApiProblem validation(String field, String message) {
        return new ApiProblem(
                ProblemType.VALIDATION, field + ": " + message, Map.of("errors", List.of(new FieldError(field, message))));
    }

    public static ApiProblem malformed(String detail) {
        return new ApiProblem(ProblemType.MALFORMED_REQUEST, detail);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(ProblemType.NOT_FOUND, detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(ProblemType.FORBIDDEN, detail);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(ProblemType.CONFLICT, detail);
    }

    public static ApiProblem payloadTooLarge(String detail) {
        return new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE, detail);
    }

    public static ApiProblem unsupportedMediaType(String detail) {
        return new ApiProblem(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
    }

    public static ApiProblem unprocessable(String detail) {
        return new ApiProblem(ProblemType.UNPROCESSABLE, detail);
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(ProblemType.UNAVAILABLE, detail);
    }

    public ProblemType type() {
        return type;
    }

    public HttpStatusCode status() {
        return type.status();
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** The problem body (without {@code instance}, which the handler sets from the request). */
    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = Problems.detail(type, getMessage());
        properties.forEach(problem::setProperty);
        return problem;
    }
}
