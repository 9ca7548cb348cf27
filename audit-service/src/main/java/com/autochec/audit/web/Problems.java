package com.autochec.audit.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Problem types shared by every error path (MVC and security filters). */
public final class Problems {

    public static final String BASE = "https://autochec.dev/problems/";

    private Problems() {}

    public static String slugFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "malformed-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 503 -> "unavailable";
            default -> status.is4xxClientError() ? "malformed-request" : "unavailable";
        };
    }

    public static String titleFor(String slug) {
        return switch (slug) {
            case "validation" -> "Invalid request";
            case "malformed-request" -> "Malformed request";
            case "unauthorized" -> "Authentication required";
            case "forbidden" -> "Forbidden";
            case "not-found" -> "Not found";
            case "conflict" -> "Conflict";
            case "payload-too-large" -> "Payload too large";
            case "unsupported-media-type" -> "Unsupported media type";
            default -> "Error";
        };
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + slug));
        problem.setTitle(titleFor(slug));
        return problem;
    }

    /** The same problem as a plain map, for writers outside Spring MVC (security filters). */
    public static Map<String, Object> asMap(HttpStatusCode status, String slug, String detail, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", BASE + slug);
        body.put("title", titleFor(slug));
        body.put("status", status.value());
        body.put("detail", detail);
        if (instance != null) body.put("instance", instance);
        return body;
    }
}
