package com.autochec.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks out through the gateway (docs/webhooks.md): an admin registers an endpoint of the demo agent's
 * organisation pointing at a receiver this test runs on 127.0.0.1 (http to loopback is allowed in the local stack
 * only); the agent checks the stolen demo plate; the receiver gets one delivery, signed with the endpoint's secret,
 * carrying the check and no holder data; the delivery log lists it as delivered. Agents may not manage webhooks.
 */
class WebhooksE2ETest {

    record Received(Map<String, String> headers, String body) {}

    @Test
    void anAgentsCheckOfAStolenVehicleIsDeliveredSignedAndLogged() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/autochec", exchange -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            received.add(new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String endpointId = null;
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/autochec";
            String registration = "{\"organisation\":\"Police nationale (démo)\",\"url\":\"" + url + "\","
                    + "\"events\":[\"STOLEN_VEHICLE_CHECKED\"],\"description\":\"E2E receiver\"}";
            assertThat(Stack.postJson("/api/webhooks", registration, "agent").statusCode()).isEqualTo(403);
            HttpResponse<String> created = Stack.postJson("/api/webhooks", registration, "admin");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = Stack.json(created).path("id").asString();
            endpointId = id;
            String secret = Stack.json(created).path("secret").asString();
            assertThat(secret).startsWith("whsec_");

            HttpResponse<String> check = Stack.postJson("/api/checks",
                    "{\"plate\":\"ST-123-OL\",\"purpose\":\"ROADSIDE_CONTROL\"}", "agent");
            assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
            String checkId = Stack.json(check).path("id").asString();
            assertThat(checkId).isNotBlank();

            Received delivery = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> received.stream().filter(r -> r.body().contains(checkId)).findFirst(),
                            java.util.Optional::isPresent).orElseThrow();
            assertThat(delivery.headers()).containsEntry("X-Autochec-Event-Type", "STOLEN_VEHICLE_CHECKED");
            String timestamp = delivery.headers().get("X-Autochec-Timestamp");
            assertThat(delivery.headers().get("X-Autochec-Signature"))
                    .isEqualTo("sha256=" + hmacSha256(secret, timestamp + "." + delivery.body()));
            JsonNode body = Stack.JSON.readTree(delivery.body());
            assertThat(body.path("type").asString()).isEqualTo("STOLEN_VEHICLE_CHECKED");
            assertThat(body.path("id").asString()).isEqualTo(delivery.headers().get("X-Autochec-Event-Id"));
            assertThat(body.path("check").path("plate").asString()).isEqualTo("ST-123-OL");
            assertThat(body.path("check").path("verdict").asString()).isEqualTo("FAIL");
            assertThat(Stack.allPropertyNames(body)).doesNotContain("ownerName", "ownerTown", "holder", "vin");

            String eventId = body.path("id").asString();
            JsonNode entry = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                    .until(() -> logEntry(Stack.get("/api/webhooks/" + id + "/deliveries", "admin"), eventId),
                            e -> e != null && "DELIVERED".equals(e.path("status").asString()));
            assertThat(entry.path("eventType").asString()).isEqualTo("STOLEN_VEHICLE_CHECKED");
            assertThat(entry.path("attempts").asInt()).isEqualTo(1);
            assertThat(entry.path("lastStatusCode").asInt()).isEqualTo(204);
            assertThat(entry.path("deliveredAt").asString()).isNotBlank();
            assertThat(Stack.get("/api/webhooks/" + id + "/deliveries", "agent").statusCode()).isEqualTo(403);
            assertThat(received.stream().filter(r -> r.body().contains(checkId)).count()).as("delivered once").isEqualTo(1);
        } finally {
            if (endpointId != null) Stack.delete("/api/webhooks/" + endpointId, "admin");
            receiver.stop(0);
        }
    }

    private static JsonNode logEntry(HttpResponse<String> log, String eventId) {
        if (log.statusCode() != 200) return null;
        for (JsonNode entry : Stack.entries(Stack.json(log))) {
            if (eventId.equals(entry.path("eventId").asString())) return entry;
        }
        return null;
    }

    private static String hmacSha256(String secret, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
