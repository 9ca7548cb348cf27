package com.autochec.auth.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autochec.auth.config.AuthProperties;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
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
 * read, and how the directory behaves when Keycloak is down. Keycloak itself is exercised by the local stack.
 */
class KeycloakDirectoryTest {

    private static final UserDirectory.NewAgent AGENT = new UserDirectory.NewAgent(
            "jdupont", "j.dupont@police.example", "Jean", "Dupont", "Police nationale (démo)", "POLICE", "Change-me-42");

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private volatile int createStatus = 201;
    private volatile String createBody = "";
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
    void createsTheUserThenMapsTheAgentRealmRoleAndDropsTheDefaultRoles() {
        String id = new KeycloakDirectory(keycloak, "autochec").createAgent(AGENT);

        assertThat(id).isEqualTo("u-1");
        assertThat(bodies.get("token")).contains("grant_type=client_credentials");
        String basic = java.util.Base64.getEncoder()
                .encodeToString("autochec-admin:secret".getBytes(StandardCharsets.UTF_8));
        assertThat(calls).contains("POST /realms/autochec/protocol/openid-connect/token Basic " + basic);
        assertThat(calls).contains(
                "POST /admin/realms/autochec/users Bearer stub-token",
                "GET /admin/realms/autochec/users/u-1/role-mappings/realm/available Bearer stub-token",
                "POST /admin/realms/autochec/users/u-1/role-mappings/realm Bearer stub-token",
                "DELETE /admin/realms/autochec/users/u-1/role-mappings/realm Bearer stub-token");
        assertThat(bodies.get("user"))
                .contains("\"username\":\"jdupont\"", "\"organisation\":[\"Police nationale (démo)\"]",
                        "\"organisation_kind\":[\"POLICE\"]", "\"temporary\":true", "\"enabled\":true");
        assertThat(bodies.get("roles")).contains("\"name\":\"agent\"").doesNotContain("offline_access");
        assertThat(bodies.get("removed")).contains("\"name\":\"default-roles-autochec\"");
    }

    /**
     * The cause of "Keycloak refused the account" (400) on the local stack: null fields were sent (e.g. a credential's
     * "federationLink": null, unknown to Keycloak 26.0, which refuses unknown fields). Nothing null leaves any more.
     */
    @Test
    void createdUsersCarryNoNullFieldKeycloakCouldRefuse() {
        new KeycloakDirectory(keycloak, "autochec").createAgent(AGENT);

        assertThat(bodies.get("user")).doesNotContain("null").doesNotContain("federationLink");
        assertThat(bodies.get("roles")).doesNotContain("null");
    }

    @Test
    void aTakenUsernameIsReportedAsAlreadyExisting() {
        createStatus = 409;
        createBody = "{\"errorMessage\":\"User exists with same username\"}";
        assertThatThrownBy(() -> new KeycloakDirectory(keycloak, "autochec").createAgent(AGENT))
                .isInstanceOf(UserDirectory.AlreadyExists.class);
        assertThat(calls).noneMatch(c -> c.contains("role-mappings"));
    }

    /** The 400 "Keycloak refused the account" bug: Keycloak's own reasons now reach the caller. */
    @Test
    void aRefusedAccountCarriesKeycloaksReasons() {
        createStatus = 400;
        createBody = "{\"errors\":[{\"field\":\"organisation_kind\",\"errorMessage\":\"error-user-attribute-read-only\","
                + "\"params\":[\"organisation_kind\"]},{\"field\":\"email\",\"errorMessage\":\"error-invalid-email\",\"params\":[]}]}";
        assertThatThrownBy(() -> new KeycloakDirectory(keycloak, "autochec").createAgent(AGENT))
                .isInstanceOf(UserDirectory.Rejected.class)
                .hasMessageContaining("organisation_kind: error-user-attribute-read-only")
                .hasMessageContaining("email: error-invalid-email");
    }

    @Test
    void listsTheMembersOfARolePageByPage() {
        List<UserDirectory.DirectoryUser> owners = new KeycloakDirectory(keycloak, "autochec").listByRole("owner", 20, 11);

        assertThat(calls).anyMatch(c -> c.startsWith("GET /admin/realms/autochec/roles/default-roles-autochec/users"));
        assertThat(bodies.get("membersQuery")).contains("first=20", "max=11");
        assertThat(owners).extracting(UserDirectory.DirectoryUser::username).containsExactly("owner");
    }

    @Test
    void disablingEndsTheSessions() {
        UserDirectory.DirectoryUser user = new KeycloakDirectory(keycloak, "autochec").setEnabled("u-1", false);

        assertThat(user.enabled()).isFalse();
        assertThat(bodies.get("update")).contains("\"enabled\":false");
        assertThat(calls).contains("POST /admin/realms/autochec/users/u-1/logout Bearer stub-token");
    }

    @Test
    void anUnreachableKeycloakIsUnavailable() throws IOException {
        try (Keycloak nowhere = keycloakAt("http://127.0.0.1:" + closedPort())) {
            assertThatThrownBy(() -> new KeycloakDirectory(nowhere, "autochec").createAgent(AGENT))
                    .isInstanceOf(UserDirectory.Unavailable.class);
            assertThatThrownBy(() -> new KeycloakDirectory(nowhere, "autochec").listByRole("agent", 0, 10))
                    .isInstanceOf(UserDirectory.Unavailable.class);
        }
    }

    /** Keycloak down: reads are retried, then the breaker opens and calls fail at once, without a network call. */
    @Test
    void repeatedFailuresOpenTheBreakerAndLaterCallsFailFast() throws IOException {
        AuthProperties.Keycloak settings = settings("http://127.0.0.1:" + closedPort());
        try (Keycloak nowhere = new KeycloakConfig().keycloakAdmin(new AuthProperties("unused", settings))) {
            ResilientDirectory directory = KeycloakConfig.resilient(new KeycloakDirectory(nowhere, "autochec"), settings);
            for (int i = 0; i < settings.breakerWindow(); i++) {
                assertThatThrownBy(() -> directory.findByUsername("agent")).isInstanceOf(UserDirectory.Unavailable.class);
            }
            assertThat(directory.state()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThatThrownBy(() -> directory.findByUsername("agent"))
                    .isInstanceOf(UserDirectory.Unavailable.class)
                    .hasMessageContaining("circuit open");
        }
    }

    @Test
    void aRefusalDoesNotCountAsAFailureOfKeycloak() {
        createStatus = 400;
        createBody = "{\"errorMessage\":\"invalidPasswordMinLengthMessage\"}";
        AuthProperties.Keycloak settings = settings("http://127.0.0.1:" + server.getAddress().getPort());
        ResilientDirectory directory = KeycloakConfig.resilient(new KeycloakDirectory(keycloak, "autochec"), settings);
        for (int i = 0; i < settings.breakerWindow() * 2; i++) {
            assertThatThrownBy(() -> directory.createAgent(AGENT)).isInstanceOf(UserDirectory.Rejected.class);
        }
        assertThat(directory.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static AuthProperties.Keycloak settings(String url) {
        return new AuthProperties.Keycloak(url, "autochec", "autochec-admin", "secret", Duration.ofSeconds(1),
                Duration.ofSeconds(2), 2, Duration.ofMillis(10), 4, Duration.ofMinutes(1));
    }

    private static Keycloak keycloakAt(String url) {
        return new KeycloakConfig().keycloakAdmin(new AuthProperties("unused", settings(url)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(method + " " + path + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        String user = "{\"id\":\"u-1\",\"username\":\"owner\",\"enabled\":true}";
        if (path.equals("/realms/autochec/protocol/openid-connect/token")) {
            bodies.put("token", body);
            send(exchange, 200, "{\"access_token\":\"stub-token\",\"expires_in\":300,\"token_type\":\"Bearer\"}");
        } else if (method.equals("POST") && path.equals("/admin/realms/autochec/users")) {
            bodies.put("user", body);
            if (createStatus == 201) {
                exchange.getResponseHeaders().set("Location", base + "/admin/realms/autochec/users/u-1");
                send(exchange, 201, "");
            } else {
                send(exchange, createStatus, createBody);
            }
        } else if (path.equals("/admin/realms/autochec/users/u-1/role-mappings/realm/available")) {
            send(exchange, 200, "[{\"id\":\"r-1\",\"name\":\"offline_access\"},{\"id\":\"r-2\",\"name\":\"agent\"}]");
        } else if (path.equals("/admin/realms/autochec/users/u-1/role-mappings/realm")) {
            switch (method) {
                case "POST" -> bodies.put("roles", body);
                case "DELETE" -> bodies.put("removed", body);
                default -> {
                    send(exchange, 200, "[{\"id\":\"r-2\",\"name\":\"agent\"},{\"id\":\"r-3\",\"name\":\"default-roles-autochec\"}]");
                    return;
                }
            }
            send(exchange, 204, "");
        } else if (path.startsWith("/admin/realms/autochec/roles/") && path.endsWith("/users")) {
            bodies.put("membersQuery", String.valueOf(exchange.getRequestURI().getQuery()));
            send(exchange, 200, "[" + user + "]");
        } else if (path.equals("/admin/realms/autochec/users/u-1")) {
            if (method.equals("PUT")) {
                bodies.put("update", body);
                send(exchange, 204, "");
            } else {
                send(exchange, 200, user);
            }
        } else if (method.equals("POST") && path.equals("/admin/realms/autochec/users/u-1/logout")) {
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
