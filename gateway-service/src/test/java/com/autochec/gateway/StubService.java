package com.autochec.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A downstream service standing outside the gateway on a random port: it answers every request
 * with a JSON echo of what it received ({@code service}, {@code method}, {@code path},
 * {@code authorization}, {@code contentType}, {@code bodyBytes}), or with a custom answer.
 */
final class StubService implements AutoCloseable {

    record Received(String method, String path, String authorization) {}

    record Answer(int status, String contentType, String body) {}

    private final String name;
    private final HttpServer server;
    private final CopyOnWriteArrayList<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<HttpExchange, Answer> custom = exchange -> null;

    StubService(String name) throws IOException {
        this.name = name;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.server.createContext("/", this::handle);
        this.server.setExecutor(Executors.newFixedThreadPool(4));
        this.server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    CopyOnWriteArrayList<Received> received() {
        return received;
    }

    /** Answers requests for which {@code answer} returns non-null; others get the echo. */
    void answer(Function<HttpExchange, Answer> answer) {
        this.custom = answer;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long bodyBytes;
        try (InputStream in = exchange.getRequestBody()) {
            bodyBytes = in.transferTo(OutputStream.nullOutputStream());
        }
        String path = exchange.getRequestURI().getRawPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        received.add(new Received(exchange.getRequestMethod(), path, authorization));
        Answer answer = custom.apply(exchange);
        if (answer == null) {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            answer = new Answer(200, "application/json", "{\"service\":\"" + name + "\",\"method\":\""
                    + exchange.getRequestMethod() + "\",\"path\":\"" + path + "\",\"authorization\":"
                    + quote(authorization) + ",\"contentType\":" + quote(contentType) + ",\"bodyBytes\":"
                    + bodyBytes + "}");
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
