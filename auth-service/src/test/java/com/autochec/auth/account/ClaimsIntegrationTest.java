package com.autochec.auth.account;

import static com.autochec.auth.Roles.admin;
import static com.autochec.auth.Roles.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.auth.directory.UserDirectory;
import com.autochec.contracts.Topics;
import com.autochec.contracts.document.DocumentStateChanged;
import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.vehicle.OwnerSnapshot;
import com.autochec.contracts.vehicle.VehicleSnapshot;
import com.autochec.contracts.vehicle.VehicleStateChanged;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Claims end to end inside the service: registry states arrive on the (embedded) Kafka topics, owners claim
 * through the API, the link and the audit events leave through the outbox to their topics.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
@MockitoBean(types = UserDirectory.class)
class ClaimsIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    @Qualifier("kafkaTemplate")
    KafkaTemplate<String, Object> kafka;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    /** A vehicle of the registry with its validated registration certificate, published as the owners do. */
    private record Registered(String vehicleId, String plate, String vin, String certificate) {}

    private Registered register(String plate, String vin, String certificate, String accountId) {
        String vehicleId = UUID.randomUUID().toString();
        kafka.send(Topics.VEHICLE_STATE, vehicleId, new VehicleStateChanged(UUID.randomUUID().toString(), Instant.now(),
                vehicleId, 1, new VehicleSnapshot(vehicleId, plate, vin, "Peugeot", "208", "1.2", 2021, "Bleu", "VP",
                        "ESSENCE", 5, 74, LocalDate.of(2021, 3, 15), false,
                        new OwnerSnapshot("o-" + vehicleId, "PERSON", "Odile Martin", null, null, "Paris", null, accountId))));
        String documentId = UUID.randomUUID().toString();
        kafka.send(Topics.DOCUMENT_STATE, documentId, new DocumentStateChanged(UUID.randomUUID().toString(), Instant.now(),
                documentId, 1, vin, plate, DocumentType.REGISTRATION, DocumentStatus.VALIDATED, "ANTS", certificate,
                LocalDate.of(2021, 3, 15), null, null, false));
        kafka.flush();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                mongo.exists(Query.query(where("_id").is(vehicleId)), "registry_vehicles")
                        && mongo.exists(Query.query(where("_id").is(documentId)), "registry_certificates"));
        return new Registered(vehicleId, plate, vin, certificate);
    }

    private static MockHttpServletRequestBuilder claim(String plate, String vinLast4, String certificate) {
        return post("/api/accounts/claims").contentType(MediaType.APPLICATION_JSON).content("""
                {"plate":"%s","vinLast4":"%s","certificateNumber":"%s"}""".formatted(plate, vinLast4, certificate));
    }

    @Test
    void allThreeMatchingApprovesAtOnceAndPublishesTheLinkAndTheAudit() throws Exception {
        Registered car = register("CL-101-AA", "VF3AAAAAAAA101001", "2021AB10101", null);
        String account = UUID.randomUUID().toString();

        String body = mvc.perform(claim("cl 101 aa", "1001", "2021 ab 10101").with(user(account, "new-owner", null, "owner")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.vehicleId").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String claimId = JsonPath.read(body, "$.id");

        List<ConsumerRecord<String, String>> links = read(Topics.ACCOUNT_VEHICLE_LINKS, r -> r.value().contains(claimId), 1);
        assertThat(links.get(0).key()).isEqualTo(car.vehicleId());
        assertThat(links.get(0).value()).contains("\"accountId\":\"" + account + "\"", "\"vin\":\"" + car.vin() + "\"");
        List<ConsumerRecord<String, String>> audit = read(Topics.ACCOUNT_AUDIT, r -> r.value().contains(claimId), 2);
        assertThat(audit).extracting(ConsumerRecord::value)
                .anyMatch(v -> v.contains("\"action\":\"CLAIM_FILED\""))
                .anyMatch(v -> v.contains("\"action\":\"CLAIM_DECIDED\"") && v.contains("\"outcome\":\"APPROVED\""));
        await().until(() -> !mongo.exists(Query.query(where("_id").is(claimId).and("linkPending").is(true)), "vehicle_claims"));
    }

    @Test
    void aWrongVinSuffixWaitsForAnAdminWhoApproves() throws Exception {
        Registered car = register("CL-102-AA", "VF3AAAAAAAA102002", "2021AB10202", null);
        String account = UUID.randomUUID().toString();
        var claimant = user(account, "claimant", null, "owner");

        String body = mvc.perform(claim(car.plate(), "9999", car.certificate()).with(claimant))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.mismatches").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String claimId = JsonPath.read(body, "$.id");

        // a second pending claim for the same vehicle by the same account is a conflict
        mvc.perform(claim(car.plate(), "9999", car.certificate()).with(claimant)).andExpect(status().isConflict());

        mvc.perform(get("/api/accounts/claims?status=PENDING").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + claimId + "')].mismatches[0]").value("VIN_MISMATCH"));

        mvc.perform(post("/api/accounts/claims/" + claimId + "/approve").with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Carte grise vérifiée\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.vehicleId").value(car.vehicleId()))
                .andExpect(jsonPath("$.decidedBy").value("admin"));
        // decided once: a second decision is a conflict
        mvc.perform(post("/api/accounts/claims/" + claimId + "/reject").with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"trop tard\"}"))
                .andExpect(status().isConflict());

        List<ConsumerRecord<String, String>> links = read(Topics.ACCOUNT_VEHICLE_LINKS, r -> r.value().contains(claimId), 1);
        assertThat(links.get(0).value()).contains("\"accountId\":\"" + account + "\"");
        mvc.perform(get("/api/accounts/claims/" + claimId).with(claimant))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.reason").value("Carte grise vérifiée"));
    }

    @Test
    void aWrongCertificateOrAVehicleHeldByAnotherAccountIsNeverApprovedAutomatically() throws Exception {
        Registered held = register("CL-103-AA", "VF3AAAAAAAA103003", "2021AB10303", "someone-else");
        mvc.perform(claim(held.plate(), "3003", held.certificate()).with(user("acc-103", "c103", null, "owner")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"));
        Registered other = register("CL-104-AA", "VF3AAAAAAAA104004", "2021AB10404", null);
        mvc.perform(claim(other.plate(), "4004", "2021AB99999").with(user("acc-104", "c104", null, "owner")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"));
        mvc.perform(claim("CL-999-ZZ", "4004", "2021AB10404").with(user("acc-105", "c105", null, "owner")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"));

        mvc.perform(get("/api/accounts/claims?status=PENDING").with(admin()))
                .andExpect(jsonPath("$[?(@.plate == 'CL-103-AA')].mismatches[0]").value("HELD_BY_ANOTHER_ACCOUNT"))
                .andExpect(jsonPath("$[?(@.plate == 'CL-104-AA')].mismatches[0]").value("CERTIFICATE_MISMATCH"))
                .andExpect(jsonPath("$[?(@.plate == 'CL-999-ZZ')].mismatches[0]").value("PLATE_UNKNOWN"));
    }

    @Test
    void anOwnerSeesOnlyTheirOwnClaimsAndAdminsRejectWithAReason() throws Exception {
        var alice = user("acc-alice", "alice", null, "owner");
        var bob = user("acc-bob", "bob", null, "owner");
        String body = mvc.perform(claim("CL-106-AA", "0006", "2021AB10606").with(alice))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String aliceClaim = JsonPath.read(body, "$.id");
        mvc.perform(claim("CL-107-AA", "0007", "2021AB10707").with(bob)).andExpect(status().isCreated());

        mvc.perform(get("/api/accounts/claims").with(bob))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].plate").value("CL-107-AA"))
                .andExpect(jsonPath("$[0].accountId").doesNotExist());
        // another owner's claim: not found, not forbidden (its existence is not disclosed)
        mvc.perform(get("/api/accounts/claims/" + aliceClaim).with(bob)).andExpect(status().isNotFound());

        mvc.perform(post("/api/accounts/claims/" + aliceClaim + "/reject").with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Numéro de certificat inconnu\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        mvc.perform(get("/api/accounts/claims?status=REJECTED").with(alice))
                .andExpect(jsonPath("$[0].reason").value("Numéro de certificat inconnu"));
        List<ConsumerRecord<String, String>> audit = read(Topics.ACCOUNT_AUDIT,
                r -> r.value().contains(aliceClaim) && r.value().contains("CLAIM_DECIDED"), 1);
        assertThat(audit.get(0).value()).contains("\"outcome\":\"REJECTED\"", "\"username\":\"admin\"");
    }

    /** Reads the topic from the start until {@code count} records match. */
    private List<ConsumerRecord<String, String>> read(
            String topic, java.util.function.Predicate<ConsumerRecord<String, String>> match, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (match.test(r)) {
                        found.add(r);
                    }
                });
                return found.size() >= count;
            });
        }
        return found;
    }
}
