package com.autochec.report.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.contracts.Topics;
import com.autochec.contracts.check.CheckCompleted;
import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.document.ExpiryAlertRaised;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end inside the service: the embedded Kafka broker and MongoDB, and a real HTTP receiver (the JDK's
 * server on a loopback port, allowed by {@code allow-insecure-localhost} as in the local stack). Back-off shortened to
 * seconds.
 */
@SpringBootTest(properties = {
    WebhooksIntegrationTest.OWN_CONTEXT,
    "autochec.report.webhooks.allow-insecure-localhost=true",
    "autochec.report.webhooks.backoff=1s",
    "autochec.report.webhooks.poll-interval=200ms"
})
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksIntegrationTest {

    static final String OWN_CONTEXT = "autochec.test.context=webhooks";
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    EmbeddedKafkaBroker broker;

    private KafkaTemplate<String, Object> kafka;
    private HttpServer receiver;

    /** What the receiver got, per path. */
    record Received(String path, Map<String, String> headers, String body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger flakyCalls = new AtomicInteger();

    @BeforeAll
    void start() throws Exception {
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()), new StringSerializer(),
                new JacksonJsonSerializer<>()));
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            received.add(new Received(path, headers, body));
            int status = path.startsWith("/flaky") && flakyCalls.incrementAndGet() == 1 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    void stop() {
        receiver.stop(0);
        kafka.getProducerFactory().reset();
    }

    String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    static RequestPostProcessor as(String role) {
        return jwt().jwt(j -> j.subject("sub-" + role).claim("preferred_username", role).claim("roles", List.of(role)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    /** Registers an endpoint; returns {id, secret}. */
    JsonNode register(String organisation, String path, String... events) throws Exception {
        String body = JSON.writeValueAsString(Map.of("organisation", organisation, "url", receiverUrl(path),
                "events", List.of(events), "description", "test"));
        String answer = mvc.perform(post("/api/webhooks").with(as("admin")).contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(answer);
    }

    static CheckCompleted stolenCheck(String organisation) {
        return new CheckCompleted(UUID.randomUUID().toString(), Instant.now(), UUID.randomUUID().toString(), Instant.now(),
                "TYPED", "ST-123-OL", "FAIL",
                List.of(new CheckCompleted.Reason("REPORTED_STOLEN", "FAIL", "Reported stolen", "Signalé volé", null)),
                new CheckCompleted.Requester("sub-agent", "agent", "agent", organisation, "POLICE"), "ROADSIDE_CONTROL",
                new CheckCompleted.CheckedVehicle("veh-1", "VF1RFB00X56123456", "Renault", "Clio", 2019, "Gris",
                        "Essence", "Odile Martin", "Besançon", "acc-owner"),
                List.of(), null);
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    JsonNode log(String endpointId) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/webhooks/" + endpointId + "/deliveries").with(as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).path("items");
    }

    @Test
    void aStolenVehicleCheckIsDeliveredOnceSignedEvenWhenKafkaRedeliversIt() throws Exception {
        String organisation = "Police " + UUID.randomUUID();
        String path = "/stolen-" + UUID.randomUUID();
        JsonNode endpoint = register(organisation, path, "STOLEN_VEHICLE_CHECKED");
        JsonNode otherOrganisation = register("Garage " + UUID.randomUUID(), path + "-other", "STOLEN_VEHICLE_CHECKED",
                "CHECK_FAILED");
        CheckCompleted check = stolenCheck(organisation);

        kafka.send(Topics.CHECK_COMPLETED, check.checkId(), check).get();
        kafka.send(Topics.CHECK_COMPLETED, check.checkId(), check).get(); // the same event again (at-least-once)
        await().atMost(PATIENCE).until(() -> at(path).size() == 1);

        Received delivery = at(path).get(0);
        String eventId = WebhookEvents.eventId(check.eventId(), WebhookEventType.STOLEN_VEHICLE_CHECKED);
        assertThat(delivery.headers()).containsEntry("X-Autochec-Event-Id", eventId)
                .containsEntry("X-Autochec-Event-Type", "STOLEN_VEHICLE_CHECKED")
                .containsEntry("Content-Type", "application/json");
        assertThat(WebhookSignature.verify(endpoint.path("secret").asString(), delivery.headers().get("X-Autochec-Timestamp"),
                delivery.body(), delivery.headers().get("X-Autochec-Signature"))).as("signature").isTrue();
        assertThat(delivery.headers().get("X-Autochec-Signature")).isEqualTo("sha256=" + WebhookSignatureTest.hmac(
                endpoint.path("secret").asString(), delivery.headers().get("X-Autochec-Timestamp") + "." + delivery.body()));
        JsonNode body = JSON.readTree(delivery.body());
        assertThat(body.path("id").asString()).isEqualTo(eventId);
        assertThat(body.path("check").path("plate").asString()).isEqualTo("ST-123-OL");
        assertThat(delivery.body()).doesNotContain("Odile", "Besançon", "acc-owner", "VF1RFB00X56123456");

        // the delivery log says so; nothing went to the other organisation; no second delivery arrives
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(log(endpoint.path("id").asString()).path(0)
                .path("status").asString()));
        JsonNode entry = log(endpoint.path("id").asString());
        assertThat(entry.size()).isEqualTo(1);
        assertThat(entry.path(0).path("eventId").asString()).isEqualTo(eventId);
        assertThat(entry.path(0).path("eventType").asString()).isEqualTo("STOLEN_VEHICLE_CHECKED");
        assertThat(entry.path(0).path("attempts").asInt()).isEqualTo(1);
        assertThat(entry.path(0).path("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(entry.path(0).path("deliveredAt").asString()).isNotBlank();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> at(path).size() == 1);
        assertThat(at(path + "-other")).isEmpty();
        assertThat(log(otherOrganisation.path("id").asString()).size()).isZero();
    }

    @Test
    void aFailingReceiverIsRetriedAndGetsTheEventOnce() throws Exception {
        String organisation = "Gendarmerie " + UUID.randomUUID();
        String path = "/flaky";
        JsonNode endpoint = register(organisation, path, "CHECK_FAILED");
        CheckCompleted check = stolenCheck(organisation);

        kafka.send(Topics.CHECK_COMPLETED, check.checkId(), check).get();
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(log(endpoint.path("id").asString()).path(0)
                .path("status").asString()));

        List<Received> calls = at(path);
        assertThat(calls).hasSize(2); // 500, then 200
        assertThat(calls).extracting(r -> r.headers().get("X-Autochec-Event-Id")).containsOnly(
                WebhookEvents.eventId(check.eventId(), WebhookEventType.CHECK_FAILED));
        JsonNode entry = log(endpoint.path("id").asString()).path(0);
        assertThat(entry.path("attempts").asInt()).isEqualTo(2);
        assertThat(entry.path("lastStatusCode").asInt()).isEqualTo(200);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> at(path).size() == 2);
    }

    @Test
    void expiryAlertsReachThePlatformsEndpoints() throws Exception {
        String path = "/expiry-" + UUID.randomUUID();
        JsonNode endpoint = register(WebhookEvents.PLATFORM_ORGANISATION, path, "EXPIRY_ALERT");
        var alert = new ExpiryAlertRaised("doc-" + UUID.randomUUID() + "_7", Instant.now(), "doc-1", "KL-345-MN",
                DocumentType.INSPECTION, LocalDate.of(2026, 12, 8), 7, "PERSON", null);

        kafka.send(Topics.EXPIRY_ALERTS, alert.documentId(), alert).get();
        await().atMost(PATIENCE).until(() -> at(path).size() == 1);
        Received delivery = at(path).get(0);
        assertThat(delivery.headers()).containsEntry("X-Autochec-Event-Type", "EXPIRY_ALERT");
        assertThat(JSON.readTree(delivery.body()).path("alert").path("alertId").asString()).isEqualTo(alert.eventId());
        assertThat(WebhookSignature.verify(endpoint.path("secret").asString(), delivery.headers().get("X-Autochec-Timestamp"),
                delivery.body(), delivery.headers().get("X-Autochec-Signature"))).isTrue();
    }

    @Test
    void badRegistrationsAreProblemsAndOnlyAdminsManageWebhooks() throws Exception {
        String bad = JSON.writeValueAsString(Map.of("organisation", "", "url", "http://10.0.0.1/in",
                "events", List.of("EVERYTHING")));
        mvc.perform(post("/api/webhooks").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'organisation')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'url')]").isNotEmpty())
                .andExpect(jsonPath("$.errors[?(@.field == 'events')]").isNotEmpty());
        mvc.perform(post("/api/webhooks").with(as("admin")).contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        String good = JSON.writeValueAsString(Map.of("organisation", "Police", "url", receiverUrl("/x"),
                "events", List.of("CHECK_FAILED")));
        mvc.perform(post("/api/webhooks").with(as("agent")).contentType(MediaType.APPLICATION_JSON).content(good))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/webhooks").contentType(MediaType.APPLICATION_JSON).content(good))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/webhooks/nope/deliveries").with(as("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void aRotatedSecretSignsTheNextDeliveriesAndADeletedEndpointGetsNothing() throws Exception {
        String organisation = "Douane " + UUID.randomUUID();
        String path = "/rotated-" + UUID.randomUUID();
        JsonNode endpoint = register(organisation, path, "CHECK_FAILED");
        String id = endpoint.path("id").asString();
        JsonNode rotated = JSON.readTree(mvc.perform(post("/api/webhooks/" + id + "/rotate-secret").with(as("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(rotated.path("secret").asString()).isNotEqualTo(endpoint.path("secret").asString());
        mvc.perform(get("/api/webhooks").param("organisation", organisation.toUpperCase()).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].secret").doesNotExist());

        CheckCompleted first = stolenCheck(organisation);
        kafka.send(Topics.CHECK_COMPLETED, first.checkId(), first).get();
        await().atMost(PATIENCE).until(() -> at(path).size() == 1);
        Received delivery = at(path).get(0);
        assertThat(WebhookSignature.verify(rotated.path("secret").asString(), delivery.headers().get("X-Autochec-Timestamp"),
                delivery.body(), delivery.headers().get("X-Autochec-Signature"))).isTrue();
        assertThat(WebhookSignature.verify(endpoint.path("secret").asString(), delivery.headers().get("X-Autochec-Timestamp"),
                delivery.body(), delivery.headers().get("X-Autochec-Signature"))).isFalse();

        mvc.perform(delete("/api/webhooks/" + id).with(as("admin"))).andExpect(status().isNoContent());
        mvc.perform(delete("/api/webhooks/" + id).with(as("admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/webhooks").param("organisation", organisation).with(as("admin")))
                .andExpect(jsonPath("$.items.length()").value(0));
        CheckCompleted second = stolenCheck(organisation);
        kafka.send(Topics.CHECK_COMPLETED, second.checkId(), second).get();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> at(path).size() == 1);
        assertThat(log(id).size()).as("the log of a deleted endpoint stays readable").isEqualTo(1);
    }
}
