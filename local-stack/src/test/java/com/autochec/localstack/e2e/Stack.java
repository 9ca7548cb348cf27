package com.autochec.localstack.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running local stack as the end-to-end tests see it: the gateway ({@code autochec.baseUrl}, default
 * http://localhost:8080) and real Keycloak tokens (password grant on {@code autochec-cli}).
 */
final class Stack {

    static final String BASE_URL = System.getProperty("autochec.baseUrl", "http://localhost:8080");
    static final String KEYCLOAK_URL = System.getProperty("autochec.keycloakUrl", "http://localhost:8180");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    private Stack() {
    }

    /**
     * An access token of a demo user (password = user name), cached while it has more than a minute to live:
     * the realm's access tokens live 5 minutes, shorter than the suite.
     */
    static String token(String user) {
        return TOKENS.compute(user, (u, cached) -> {
            if (cached != null && cached.expiresAt() > System.currentTimeMillis() + 60_000) {
                return cached;
            }
            String form = "grant_type=password&client_id=autochec-cli&username=" + enc(u) + "&password=" + enc(u);
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                            URI.create(KEYCLOAK_URL + "/realms/autochec/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + u + ": HTTP " + response.statusCode() + " " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            long lifetime = body.path("expires_in").asLong(300);
            return new CachedToken(body.get("access_token").asString(), System.currentTimeMillis() + lifetime * 1000);
        }).value();
    }

    private record CachedToken(String value, long expiresAt) {}

    static HttpResponse<String> postJson(String path, String json, String user) {
        HttpRequest.Builder request = request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    static HttpResponse<String> get(String path, String user) {
        return send(request(path, user).GET());
    }

    static HttpResponse<String> delete(String path, String user) {
        return send(request(path, user).DELETE());
    }

    static HttpResponse<byte[]> getBytes(String path, String user) {
        try {
            return HTTP.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A multipart/form-data POST with one file part. */
    static HttpResponse<String> postFile(String path, String part, String filename, String contentType, byte[] data,
            String user) {
        String boundary = "autochec-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(data);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path, user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** Every property name anywhere in the tree (to prove a field is absent at any depth). */
    static List<String> allPropertyNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        collect(node, names);
        return names;
    }

    /** The entries of a list answer: a JSON array, or the first array property of a page object. */
    static List<JsonNode> entries(JsonNode body) {
        if (body.isArray()) {
            return new ArrayList<>(body.values());
        }
        for (String name : List.of("content", "entries", "items", "results", "data")) {
            if (body.path(name).isArray()) {
                return new ArrayList<>(body.path(name).values());
            }
        }
        for (Map.Entry<String, JsonNode> property : body.properties()) {
            if (property.getValue().isArray()) {
                return new ArrayList<>(property.getValue().values());
            }
        }
        return List.of();
    }

    private static void collect(JsonNode node, List<String> names) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                names.add(property.getKey());
                collect(property.getValue(), names);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node.values()) {
                collect(element, names);
            }
        }
    }

    private static HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE_URL + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json, application/pdf");
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        return request;
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("is the stack up (./autochec up)? " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
