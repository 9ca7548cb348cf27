package com.autochec.document.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import com.autochec.document.document.DocumentStore;
import com.autochec.document.document.VehicleDocument;
import com.autochec.document.notification.Notification;
import com.autochec.document.notification.Notifications;
import com.autochec.document.ownership.VehicleOwner;
import com.autochec.document.ownership.VehicleOwners;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Expiry alerts end to end inside the service: a real SMTP server (GreenMail), the embedded MongoDB and Kafka;
 * two scanners racing over the same documents create each (document, threshold) alert once, and send one e-mail.
 */
@SpringBootTest(properties = {
    "autochec.platform.outbox.sweep-interval=PT0.3S",
    "autochec.platform.object-store.directory=target/test-objects",
    "autochec.document.mail.sweep-interval=PT0.5S"
})
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class ExpiryAlertsIntegrationTest {

    static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ExpiryScanner scanner;

    @Autowired
    DocumentStore documents;

    @Autowired
    VehicleOwners owners;

    @Autowired
    ExpiryAlerts alerts;

    @Autowired
    Notifications notifications;

    @Autowired
    Clock clock;

    @Autowired
    ExpiryAlertOutbox outbox;

    @Autowired
    org.springframework.kafka.test.EmbeddedKafkaBroker broker;

    @MockitoBean
    JwtDecoder jwtDecoder;

    static JwtRequestPostProcessor ownerJwt(String subject, String email) {
        return jwt().jwt(j -> {
                    j.subject(subject).claim("preferred_username", "owner-" + subject).claim("roles", List.of("owner"));
                    if (email != null) j.claim("email", email);
                })
                .authorities(new SimpleGrantedAuthority("ROLE_owner"));
    }

    String vehicle(String account, String plate, String kind) {
        String vehicleId = "veh-" + UUID.randomUUID();
        String vin = ("VF3" + UUID.randomUUID().toString().replace("-", "").toUpperCase())
                .replaceAll("[IOQ]", "X").substring(0, 17);
        mongo.save(new VehicleOwner(vehicleId, vin, plate, account, 1, false, "Odile Martin", kind, LocalDate.of(2020, 3, 15)));
        return vin;
    }

    VehicleDocument validated(String vin, String plate, DocumentType type, LocalDate until) {
        Instant now = clock.instant();
        var d = new VehicleDocument("doc-" + UUID.randomUUID(), vin, plate, type, DocumentStatus.VALIDATED, "MAIF", "POL-1",
                until.minusYears(1).plusDays(1), until, null, VehicleDocument.Source.IMPORT, null, null, null, List.of(),
                null, 1, now, now, new VehicleDocument.Outbox(UUID.randomUUID().toString(), 1, now, true), null, null);
        documents.insert(d);
        return d;
    }

    List<MimeMessage> mailTo(String address) throws Exception {
        return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    @Test
    void twoScannersRacingCreateEachAlertOnceAndSendOneFrenchEmail() throws Exception {
        String account = "acc-" + UUID.randomUUID();
        String address = account + "@example.fr";
        mvc.perform(put("/api/me/notification-preferences").with(ownerJwt(account, address))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"inApp\":true,\"email\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.emailAddress").value(address));
        String vin = vehicle(account, "IJ-234-KL", "PERSON");
        LocalDate today = scanner.today();
        VehicleDocument insurance = validated(vin, "IJ-234-KL", DocumentType.INSURANCE, today.plusDays(20));
        // a private car's "road tax" is never alerted (France has no annual tax for private cars)
        validated(vin, "IJ-234-KL", DocumentType.ROAD_TAX, today.plusDays(5));

        // two scanners (as two instances would run them) at the same time, several rounds
        var second = new ExpiryScanner(documents, owners, alerts, notifications, outbox, clock, "Europe/Paris");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<Integer>> tasks = List.of(
                        () -> { start.await(); return scanner.scan(); },
                        () -> { start.await(); return second.scan(); },
                        () -> { start.await(); scanner.scanVin(vin); return 0; },
                        () -> { start.await(); second.scanVin(vin); return 0; });
                List<Future<Integer>> results = tasks.stream().map(pool::submit).toList();
                start.countDown();
                for (Future<Integer> f : results) f.get();
            }
        } finally {
            pool.shutdownNow();
            second.destroy();
        }

        Query mine = Query.query(Criteria.where("documentId").is(insurance.id()));
        assertThat(mongo.find(mine, ExpiryAlert.class)).extracting(ExpiryAlert::threshold).containsExactly(30);
        assertThat(mongo.find(Query.query(Criteria.where("accountId").is(account)), ExpiryAlert.class)).hasSize(1);
        assertThat(mongo.find(Query.query(Criteria.where("accountId").is(account)), Notification.class)).hasSize(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(address).size() == 1);
        MimeMessage mail = mailTo(address).get(0);
        assertThat(mail.getSubject()).startsWith("Votre assurance expire dans 20 jours (IJ-234-KL)")
                .contains("Your insurance expires in 20 days");
        String body = String.valueOf(mail.getContent());
        assertThat(body.indexOf("L'assurance du véhicule IJ-234-KL")).isLessThan(body.indexOf("The insurance of vehicle"));

        // a later scan, a restart's scan: nothing more
        scanner.scan();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mailTo(address).size() == 1);

        // the owner sees it in-app and marks it read
        String id = ExpiryAlert.idOf(insurance.id(), 30);
        mvc.perform(get("/api/me/notifications").with(ownerJwt(account, address)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].kind").value("EXPIRY_ALERT"))
                .andExpect(jsonPath("$.items[0].read").value(false));
        mvc.perform(post("/api/me/notifications/" + id + "/read").with(ownerJwt(account, address)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.read").value(true));
        // somebody else's notification is not found
        mvc.perform(post("/api/me/notifications/" + id + "/read").with(ownerJwt("acc-other", null)))
                .andExpect(status().isNotFound());
    }

    @Test
    void eachThresholdOnceAsTheDaysPassAndOnlyTheCurrentDocument() {
        String account = "acc-" + UUID.randomUUID();
        String vin = vehicle(account, "KL-345-MN", "COMPANY");
        LocalDate today = scanner.today();
        VehicleDocument ct = validated(vin, "KL-345-MN", DocumentType.INSPECTION, today.plusDays(7));
        VehicleDocument tax = validated(vin, "KL-345-MN", DocumentType.ROAD_TAX, today);
        VehicleDocument old = validated(vin, "KL-345-MN", DocumentType.INSURANCE, today.plusDays(1));
        validated(vin, "KL-345-MN", DocumentType.INSURANCE, today.plusYears(1)); // renewed: the old one is not alerted
        scanner.scanVin(vin);
        scanner.scanVin(vin);
        assertThat(mongo.find(Query.query(Criteria.where("accountId").is(account)), ExpiryAlert.class))
                .extracting(ExpiryAlert::id)
                .containsExactlyInAnyOrder(ExpiryAlert.idOf(ct.id(), 7), ExpiryAlert.idOf(tax.id(), 0));
        assertThat(mongo.findById(ExpiryAlert.idOf(old.id(), 1), ExpiryAlert.class)).isNull();
        // no e-mail preference saved: in-app only, and nothing queued for e-mail
        assertThat(mongo.find(Query.query(Criteria.where("accountId").is(account)), Notification.class)).hasSize(2);

        // each alert leaves once on the expiry-alerts topic (the alert is its outbox entry), with no person data
        // beyond the company holder's name
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.find(Query.query(Criteria.where("accountId").is(account)
                .and("published").is(true)), ExpiryAlert.class).size() == 2);
        var config = org.springframework.kafka.test.utils.KafkaTestUtils.consumerProps(broker, "expiry-" + UUID.randomUUID(), false);
        config.put(org.apache.kafka.clients.consumer.ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(config,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(List.of(com.autochec.contracts.Topics.EXPIRY_ALERTS));
            List<String> mine = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(ct.id()) || record.key().equals(tax.id())) mine.add(record.value());
                }
                return mine.size() >= 2;
            });
            assertThat(mine).hasSize(2).anySatisfy(json -> assertThat(json)
                    .contains("\"eventId\":\"" + ExpiryAlert.idOf(ct.id(), 7) + "\"")
                    .contains("\"documentType\":\"INSPECTION\"")
                    .contains("\"thresholdDays\":7")
                    .contains("\"plate\":\"KL-345-MN\"")
                    .contains("\"companyName\":\"Odile Martin\"")
                    .doesNotContain(account));
        }
    }

    @Test
    void emailNeedsAnAddressOnTheAccount() throws Exception {
        mvc.perform(put("/api/me/notification-preferences").with(ownerJwt("acc-no-mail", null))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"inApp\":true,\"email\":true}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/me/notification-preferences").with(ownerJwt("acc-no-mail", null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inApp").value(true))
                .andExpect(jsonPath("$.email").value(false));
        mvc.perform(get("/api/me/notifications")).andExpect(status().isUnauthorized());
    }
}
