package com.autochec.platform.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * A stable kind of error: its {@code type} URI ({@value #BASE}{@code <slug>}), HTTP status and title.
 * The common ones are constants here; a service declares its domain's own (e.g. {@code invalid-plate})
 * as constants next to the code that raises them. Clients switch on the slug, never on the detail.
 */
public record ProblemType(String slug, HttpStatus status, String title) {

    public static final String BASE = "https://autochec.dev/problems/";

    public static final ProblemType VALIDATION = new ProblemType("validation", HttpStatus.BAD_REQUEST, "Invalid request");
    public static final ProblemType MALFORMED_REQUEST =
            new ProblemType("malformed-request", HttpStatus.BAD_REQUEST, "Malformed request");
    public static final ProblemType UNAUTHORIZED =
            new ProblemType("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required");
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", HttpStatus.FORBIDDEN, "Forbidden");
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", HttpStatus.NOT_FOUND, "Not found");
    public static final ProblemType METHOD_NOT_ALLOWED =
            new ProblemType("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed");
    public static final ProblemType NOT_ACCEPTABLE =
            new ProblemType("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable");
    public static final ProblemType CONFLICT = new ProblemType("conflict", HttpStatus.CONFLICT, "Conflict");
    public static final ProblemType PAYLOAD_TOO_LARGE =
            new ProblemType("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Payload too large");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            new ProblemType("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type");
    public static final ProblemType UNPROCESSABLE =
            new ProblemType("unprocessable", HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable request");
    public static final ProblemType RATE_LIMITED =
            new ProblemType("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests");
    public static final ProblemType UNAVAILABLE =
            new ProblemType("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");
    public static final ProblemType INTERNAL =
            new ProblemType("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    public URI type() {
        return URI.create(BASE + slug);
    }

    /** The generic type for a status, used when nothing more specific was raised (404 routes, 405...). */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> RATE_LIMITED;
            case 502, 503, 504 -> UNAVAILABLE;
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                if (status >= 400 && status < 500) {
                    yield new ProblemType(
                            "client-error",
                            known != null ? known : HttpStatus.BAD_REQUEST,
                            known != null ? known.getReasonPhrase() : "Client error");
                }
                yield INTERNAL;
            }
        };
    }
}
