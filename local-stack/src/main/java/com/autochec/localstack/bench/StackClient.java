package com.autochec.localstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the load benchmark and the drill share to talk to a running local stack: one keep-alive HTTP/1.1 client
 * (JDK {@link HttpClient}, two threads), Keycloak tokens (password grant on {@code autochec-cli}, refreshed every
 * minute), the demo registry's plates, and the few JSON fields they read (by pattern: no JSON library needed).
 */
public final class StackClient {

    public static final String GATEWAY = "http://localhost:8080";
    public static final String VERIFICATION = "http://localhost:8084";
    public static final String KEYCLOAK_TOKEN_URL =
            "http://localhost:8180/realms/autochec/protocol/openid-connect/token";
    public static final String PURPOSE = "ROADSIDE_CONTROL";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    private final ExecutorService executor;
    private final HttpClient http;
    private final String tokenUrl;
    private final Object tokenLock = new Object();
    private final java.util.Map<String, String> tokens = new java.util.HashMap<>();
    private final java.util.Map<String, Long> tokenTimes = new java.util.HashMap<>();

    public StackClient(String tokenUrl) {
        this.tokenUrl = tokenUrl;
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "load-http");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(3))
                .executor(executor)
                .build();
    }

    public HttpClient http() {
        return http;
    }

    /** A bearer token for USER (password = user name, the demo accounts), at most a minute old. */
    public String token(String user) {
        synchronized (tokenLock) {
            Long at = tokenTimes.get(user);
            if (at != null && System.nanoTime() - at < Duration.ofSeconds(60).toNanos()) {
                return tokens.get(user);
            }
            String form = "grant_type=password&client_id=autochec-cli&username=" + enc(user) + "&password=" + enc(user);
            HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher matcher = ACCESS_TOKEN.matcher(response.body());
                if (response.statusCode() != 200 || !matcher.find()) {
                    if (tokens.containsKey(user)) {
                        return tokens.get(user); // keep the last one while Keycloak is slow
                    }
                    throw new IllegalStateException("no token for " + user + " from " + tokenUrl + ": HTTP "
                            + response.statusCode() + " " + truncate(response.body(), 200));
                }
                tokens.put(user, matcher.group(1));
                tokenTimes.put(user, System.nanoTime());
                return matcher.group(1);
            } catch (IOException e) {
                if (tokens.containsKey(user)) {
                    return tokens.get(user);
                }
                throw new IllegalStateException("Keycloak unreachable at " + tokenUrl + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A typed check: {@code POST base/api/checks}; an agent's carries its token and a purpose. */
    public HttpRequest typedCheck(String base, String plate, String bearer) {
        String body = bearer == null
                ? "{\"plate\":\"" + plate + "\"}"
                : "{\"plate\":\"" + plate + "\",\"purpose\":\"" + PURPOSE + "\"}";
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/api/checks"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }

    /** A photo check: multipart {@code photo} part. */
    public HttpRequest photoCheck(String base, Photo photo, String bearer) {
        String boundary = "autochec-" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\""
                        + photo.name() + "\"\r\nContent-Type: " + photo.contentType() + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        StringBuilder tail = new StringBuilder("\r\n");
        if (bearer != null) {
            tail.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n")
                    .append(PURPOSE).append("\r\n");
        }
        tail.append("--").append(boundary).append("--\r\n");
        byte[] end = tail.toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + photo.bytes().length + end.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(photo.bytes(), 0, body, head.length, photo.bytes().length);
        System.arraycopy(end, 0, body, head.length + photo.bytes().length, end.length);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/api/checks"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }

    public HttpRequest getCheck(String base, String id, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/api/checks/" + id))
                .timeout(Duration.ofSeconds(10))
                .GET();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }

    /** Confirms the plate of a NEEDS_CONFIRMATION photo check: {@code POST base/api/checks/{id}/confirm}. */
    public HttpRequest confirmCheck(String base, String id, String plate, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/api/checks/" + id + "/confirm"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"plate\":\"" + plate.replace("\"", "") + "\"}"));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder.build();
    }

    public HttpResponse<String> get(String url, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String id(String json) {
        Matcher matcher = ID.matcher(json == null ? "" : json);
        return matcher.find() ? matcher.group(1) : null;
    }

    public static String status(String json) {
        Matcher matcher = STATUS.matcher(json == null ? "" : json);
        return matcher.find() ? matcher.group(1) : null;
    }

    public void close() {
        executor.shutdownNow();
    }

    /** An image to upload. */
    public record Photo(String name, String contentType, byte[] bytes) {}

    /** The JPEG/PNG files of a folder (e.g. ../shared/datasets/plates-eu-dev), sorted by name. */
    public static List<Photo> photos(Path dir) throws IOException {
        List<Photo> photos = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return photos;
        }
        try (var files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
                if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
                    photos.add(new Photo(file.getFileName().toString(), "image/jpeg", Files.readAllBytes(file)));
                } else if (name.endsWith(".png")) {
                    photos.add(new Photo(file.getFileName().toString(), "image/png", Files.readAllBytes(file)));
                }
            }
        }
        return photos;
    }

    /** The plates of the demo registry, from the generated vehicles.csv (the column named "plate"). */
    public static List<String> knownPlates(Path vehiclesCsv) throws IOException {
        List<String> lines = Files.readAllLines(vehiclesCsv, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(vehiclesCsv + " is empty");
        }
        String[] header = lines.get(0).split(",", -1);
        int column = -1;
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().equalsIgnoreCase("plate")) {
                column = i;
            }
        }
        if (column < 0) {
            throw new IOException(vehiclesCsv + " has no 'plate' column: " + lines.get(0));
        }
        List<String> plates = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length > column && !cells[column].isBlank()) {
                plates.add(cells[column].trim().replace("\"", ""));
            }
        }
        return plates;
    }

    /**
     * SIV plates that are well formed but not in the registry (the demo generator never issues the ZZ-9xx
     * block's mirror ZY-…-ZY): they answer 404, which is still a check (audited).
     */
    public static List<String> unknownPlates(List<String> known, int count) {
        java.util.Set<String> registry = new java.util.HashSet<>(known);
        List<String> plates = new ArrayList<>();
        for (int i = 0; plates.size() < count && i < 1000; i++) {
            String plate = String.format("ZY-%03d-ZY", 100 + i);
            if (!registry.contains(plate)) {
                plates.add(plate);
            }
        }
        return plates;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }
}
