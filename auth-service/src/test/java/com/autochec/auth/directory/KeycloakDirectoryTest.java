package com.autochec.auth.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autochec.auth.config.AuthProperties;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

/**
 * The real admin-client code path (RESTEasy + Jackson 2 inside a Boot 4 classpath) against a stub
 * speaking Keycloak's HTTP API on a random port: proves which requests are sent and how answers are
 * read. Keycloak itself is exercised by the local stack.
 */
class KeycloakAgentDirectoryTest {

    private static final AgentDirectory.NewAgent AGENT = new AgentDirectory.NewAgent(
            "jdupont", "j.dupont@police.example", "Jean", "Dupont", "Police nationale (démo)", "Change-me-42");

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private volatile int createStatus = 201;
    private Keycloak keycloak;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        keycloak = keycloakAt("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        keycloak.close();
        server.stop(0);
    }

    @Test
    void createsTheUserThenMapsTheAgentRealmRole() {
        String id = new KeycloakAgentDirectory(keycloak, "autochec").create(AGENT);

        assertThat(id).isEqualTo("u-1");
        assertThat(bodies.get("token")).contains("grant_type=client_credentials");
        String basic = java.util.Base64.getEncoder()
                .encodeToString("autochec-admin:secret".getBytes(StandardCharsets.UTF_8));
        assertThat(calls).contains("POST /realms/autochec/protocol/openid-connect/token Basic " + basic);
        assertThat(calls).contains(
                "POST /admin/realms/autochec/users Bearer stub-token",
                "GET /admin/realms/autochec/users/u-1/role-mappings/realm/available Bearer stub-token",
                "POST /admin/realms/autochec/users/u-1/role-mappings/realm Bearer stub-token");
        assertThat(bodies.get("user"))
                .contains("\"username\":\"jdupont\"", "\"organisation\":[\"Police nationale (démo)\"]",
                        "\"temporary\":true", "\"enabled\":true");
        assertThat(bodies.get("roles")).contains("\"name\":\"agent\"").doesNotContain("offline_access");
    }

    @Test
    void aTakenUsernameIsReportedAsAlreadyExisting() {
        createStatus = 409;
        assertThatThrownBy(() -> new KeycloakAgentDirectory(keycloak, "autochec").create(AGENT))
                .isInstanceOf(AgentDirectory.AlreadyExists.class);
        assertThat(calls).noneMatch(c -> c.contains("role-mappings"));
    }

    @Test
    void anUnreachableKeycloakIsUnavailable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (Keycloak nowhere = keycloakAt("http://127.0.0.1:" + closed)) {
            assertThatThrownBy(() -> new KeycloakAgentDirectory(nowhere, "autochec").create(AGENT))
                    .isInstanceOf(AgentDirectory.Unavailable.class);
        }
    }

    private static Keycloak keycloakAt(String url) {
        AuthProperties properties = new AuthProperties("unused", new AuthProperties.Keycloak(
                url, "autochec", "autochec-admin", "secret", Duration.ofSeconds(2), Duration.ofSeconds(5)));
        return new KeycloakConfig().keycloakAdmin(properties);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(method + " " + path + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        if (path.equals("/realms/autochec/protocol/openid-connect/token")) {
            bodies.put("token", body);
            send(exchange, 200, "{\"access_token\":\"stub-token\",\"expires_in\":300,\"token_type\":\"Bearer\"}");
        } else if (method.equals("POST") && path.equals("/admin/realms/autochec/users")) {
            bodies.put("user", body);
            if (createStatus == 201) {
                exchange.getResponseHeaders().set("Location", base + "/admin/realms/autochec/users/u-1");
                send(exchange, 201, "");
            } else {
                send(exchange, createStatus, "{\"errorMessage\":\"User exists with same username\"}");
            }
        } else if (path.equals("/admin/realms/autochec/users/u-1/role-mappings/realm/available")) {
            send(exchange, 200, "[{\"id\":\"r-1\",\"name\":\"offline_access\"},{\"id\":\"r-2\",\"name\":\"agent\"}]");
        } else if (method.equals("POST") && path.equals("/admin/realms/autochec/users/u-1/role-mappings/realm")) {
            bodies.put("roles", body);
            send(exchange, 204, "");
        } else {
            send(exchange, 404, "{\"error\":\"not stubbed\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
