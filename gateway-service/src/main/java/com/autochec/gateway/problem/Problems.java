package com.autochec.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem bodies ({@code application/problem+json}) straight to the response, the
 * same shape every Autochec service uses: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}.
 */
public final class Problems {

    public static final String TYPE_PREFIX = "https://autochec.dev/problems/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    /** The problem type for a status, from the shared slug list; {@code about:blank} when none fits. */
    public static String typeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> TYPE_PREFIX + "malformed-request";
            case 401 -> TYPE_PREFIX + "unauthorized";
            case 403 -> TYPE_PREFIX + "forbidden";
            case 404 -> TYPE_PREFIX + "not-found";
            case 409 -> TYPE_PREFIX + "conflict";
            case 413 -> TYPE_PREFIX + "payload-too-large";
            case 415 -> TYPE_PREFIX + "unsupported-media-type";
            case 429 -> TYPE_PREFIX + "rate-limited";
            case 502, 503, 504 -> TYPE_PREFIX + "unavailable";
            default -> "about:blank";
        };
    }

    public static Map<String, Object> body(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", typeFor(status));
        HttpStatus known = HttpStatus.resolve(status.value());
        body.put("title", known != null ? known.getReasonPhrase() : "Error");
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", originalPath(exchange));
        return body;
    }

    /** The path the client asked for, also after the gateway forwarded the exchange to a fallback. */
    private static String originalPath(ServerWebExchange exchange) {
        String original = exchange.getAttribute(OriginalPathFilter.ORIGINAL_PATH_ATTR);
        return original != null ? original : exchange.getRequest().getPath().value();
    }

    /** Sets status and content type and writes the problem; the caller adds any extra header first. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        return write(exchange, body(exchange, status, detail));
    }

    static Mono<Void> write(ServerWebExchange exchange, Map<String, Object> body) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf((Integer) body.get("status")));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().setContentLength(bytes.length);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
