package com.autochec.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.contracts.Topics;
import com.autochec.contracts.audit.AuditEvent;
import com.autochec.contracts.vehicle.VehicleStateChanged;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.autochec.vehicle.config.Jwts;
import com.autochec.vehicle.registry.Owner;
import com.autochec.vehicle.registry.OwnerKind;
import com.autochec.vehicle.registry.VehicleData;
import com.autochec.vehicle.registry.VehicleDocument;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The registry's workflows on the real application (KRaft broker, MongoDB wire server): a correction proposed
 * by an agent, queued with its diff, approved by an admin, published as a new vehicle version; owners limited
 * to their own vehicles and never the VIN; a police agent's stolen report in effect at once, a garage agent's
 * waiting for an admin; a staff read without purpose refused, with purpose audited on the audit topic.
 */
@SpringBootTest(properties = "autochec.platform.outbox.sweep-interval=500ms")
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class RegistryWorkflowIntegrationTest {

    static final Random RANDOM = new Random();

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Test
    void anAgentsColourCorrectionIsQueuedApprovedAndPublished() throws Exception {
        VehicleDocument vehicle = vehicleOf(Jwts.OWNER_ID);
        String body = "{\"plate\":\"" + vehicle.plate().toLowerCase().replace("-", " ")
                + "\",\"field\":\"colour\",\"value\":\"Vert\",\"justification\":\"constaté au contrôle\",\"documentId\":null}";
        String created = mvc.perform(post("/api/proposals").with(Jwts.police()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");

        String queue = mvc.perform(get("/api/proposals").param("status", "PENDING").param("size", "200").with(Jwts.admin()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> mine = JsonPath.read(queue, "$.items[?(@.id == '" + id + "')]");
        assertThat(mine).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("field", "colour").containsEntry("current", "gris").containsEntry("proposed", "Vert");
        });
        mvc.perform(get("/api/proposals/mine").with(Jwts.police()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '" + id + "')].status").value("PENDING"));

        mvc.perform(post("/api/proposals/" + id + "/approve").with(Jwts.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"conforme\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        mvc.perform(post("/api/proposals/" + id + "/approve").with(Jwts.admin()))
                .andExpect(status().isConflict());

        mvc.perform(get("/api/vehicles/" + vehicle.id()).with(Jwts.owner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.colour").value("Vert"))
                .andExpect(jsonPath("$.version").value(2));

        List<VehicleStateChanged> states = consume(Topics.VEHICLE_STATE, VehicleStateChanged.class, vehicle.id(),
                list -> list.stream().anyMatch(e -> e.version() == 2));
        assertThat(states).anySatisfy(e -> {
            assertThat(e.version()).isEqualTo(2);
            assertThat(e.vehicle().colour()).isEqualTo("Vert");
            assertThat(e.vehicle().owner().street()).isNull();
            assertThat(e.vehicle().owner().email()).isNull();
            assertThat(e.vehicle().owner().accountId()).isEqualTo(Jwts.OWNER_ID);
        });
        List<AuditEvent> audits = consume(Topics.VEHICLE_AUDIT, AuditEvent.class, vehicle.id(),
                list -> list.stream().anyMatch(e -> e.action().equals("VEHICLE_CHANGED")));
        assertThat(audits).extracting(AuditEvent::action).contains("PROPOSAL_CREATED", "VEHICLE_CHANGED");
        assertThat(audits).filteredOn(e -> e.action().equals("VEHICLE_CHANGED")).singleElement().satisfies(e -> {
            assertThat(e.before()).containsEntry("colour", "gris");
            assertThat(e.after()).containsEntry("colour", "Vert");
            assertThat(e.actor().subject()).isEqualTo(Jwts.ADMIN_ID);
        });
    }

    @Test
    void ownersProposeOnlyForTheirVehiclesAndNeverTheVin() throws Exception {
        VehicleDocument theirs = vehicleOf(Jwts.OWNER_ID);
        VehicleDocument another = vehicleOf("someone-else");
        mvc.perform(post("/api/proposals").with(Jwts.owner()).contentType(MediaType.APPLICATION_JSON)
                        .content(proposal(theirs.plate(), "vin", "VF1RFB00X56789012")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/forbidden"));
        mvc.perform(post("/api/proposals").with(Jwts.owner()).contentType(MediaType.APPLICATION_JSON)
                        .content(proposal(theirs.plate(), "make", "Tesla")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/proposals").with(Jwts.owner()).contentType(MediaType.APPLICATION_JSON)
                        .content(proposal(another.plate(), "colour", "Noir")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/proposals").with(Jwts.owner()).contentType(MediaType.APPLICATION_JSON)
                        .content(proposal(theirs.plate(), "mileage", "42000")))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/proposals").with(Jwts.owner()).contentType(MediaType.APPLICATION_JSON)
                        .content(proposal(theirs.plate(), "colour", "")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/proposals").with(Jwts.police()).contentType(MediaType.APPLICATION_JSON)
                        .content(proposal(theirs.plate(), "wheels", "4")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("field"));
    }

    @Test
    void aPoliceReportTakesEffectAGarageReportWaitsForAnAdmin() throws Exception {
        VehicleDocument first = vehicleOf(Jwts.OWNER_ID);
        mvc.perform(post("/api/vehicles/" + first.id() + "/stolen-report").with(Jwts.police())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reference\":\"PV-1\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("STOLEN"));
        mvc.perform(get("/api/vehicles/" + first.id()).param("purpose", "ROADSIDE_CONTROL").with(Jwts.police()))
                .andExpect(jsonPath("$.stolen").value(true))
                .andExpect(jsonPath("$.record.statuses[0]").value("STOLEN"));

        VehicleDocument second = vehicleOf(Jwts.OWNER_ID);
        String pending = mvc.perform(post("/api/vehicles/" + second.id() + "/stolen-report").with(Jwts.garage())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reference\":\"client\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/vehicles/" + second.id()).with(Jwts.owner()))
                .andExpect(jsonPath("$.stolen").value(false));
        String proposalId = JsonPath.read(pending, "$.proposalId");
        mvc.perform(post("/api/proposals/" + proposalId + "/approve").with(Jwts.admin()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/vehicles/" + second.id()).with(Jwts.owner()))
                .andExpect(jsonPath("$.stolen").value(true));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .delete("/api/vehicles/" + second.id() + "/stolen-report").with(Jwts.police()))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .delete("/api/vehicles/" + second.id() + "/stolen-report").with(Jwts.admin()))
                .andExpect(status().isOk());

        List<AuditEvent> audits = consume(Topics.VEHICLE_AUDIT, AuditEvent.class, second.id(),
                list -> list.stream().anyMatch(e -> e.action().equals("STOLEN_CLEARED")));
        assertThat(audits).extracting(AuditEvent::action)
                .contains("PROPOSAL_CREATED", "STOLEN_REPORTED", "PROPOSAL_DECIDED", "STOLEN_CLEARED");
    }

    @Test
    void aStaffReadStatesItsPurposeAndIsAudited() throws Exception {
        VehicleDocument vehicle = vehicleOf(Jwts.OWNER_ID);
        mvc.perform(get("/api/vehicles").param("plate", vehicle.plate()).with(Jwts.police()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("purpose"));
        mvc.perform(get("/api/vehicles").param("plate", vehicle.plate()).param("purpose", "ROADSIDE_CONTROL")
                        .with(Jwts.police()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.owner.name").value("Odile Martin"))
                .andExpect(jsonPath("$.owner.street").doesNotExist());
        List<AuditEvent> audits = consume(Topics.VEHICLE_AUDIT, AuditEvent.class, vehicle.id(),
                list -> list.stream().anyMatch(e -> e.action().equals("VEHICLE_VIEWED")));
        assertThat(audits).filteredOn(e -> e.action().equals("VEHICLE_VIEWED")).singleElement().satisfies(e -> {
            assertThat(e.personData()).isTrue();
            assertThat(e.purpose()).isEqualTo("ROADSIDE_CONTROL");
            assertThat(e.subjectAccountId()).isEqualTo(Jwts.OWNER_ID);
            assertThat(e.plate()).isEqualTo(vehicle.plate());
            assertThat(e.actor().organisationKind()).isEqualTo("POLICE");
            assertThat(e.actor().organisation()).isEqualTo("Police nationale (démo)");
        });
    }

    @Test
    void mileageReadingsFlagARollbackAndStatusesHaveAHistory() throws Exception {
        VehicleDocument vehicle = vehicleOf(Jwts.OWNER_ID);
        for (String reading : List.of("{\"date\":\"2022-03-10\",\"km\":61000,\"source\":\"CT\"}",
                "{\"date\":\"2024-03-08\",\"km\":98000,\"source\":\"CT\"}",
                "{\"date\":\"2025-06-02\",\"km\":64000,\"source\":\"AGENT\"}")) {
            mvc.perform(post("/api/vehicles/" + vehicle.id() + "/mileage").with(Jwts.police())
                            .contentType(MediaType.APPLICATION_JSON).content(reading))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/vehicles/" + vehicle.id() + "/status").with(Jwts.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"gage\",\"active\":true,\"reason\":\"crédit\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.record.statuses[0]").value("GAGE"))
                .andExpect(jsonPath("$.statusHistory[0].status").value("GAGE"));
        mvc.perform(post("/api/vehicles/" + vehicle.id() + "/status").with(Jwts.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"STOLEN\",\"active\":true}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/vehicles/" + vehicle.id()).param("purpose", "PRE_PURCHASE").with(Jwts.garage()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.record.mileageRollback").value(true))
                .andExpect(jsonPath("$.record.lastMileageKm").value(64000))
                .andExpect(jsonPath("$.record.mileage[2].rollback").value(true))
                .andExpect(jsonPath("$.record.mileage[1].rollback").value(false));

        List<VehicleStateChanged> states = consume(Topics.VEHICLE_STATE, VehicleStateChanged.class, vehicle.id(),
                list -> list.stream().anyMatch(e -> e.version() == 5));
        assertThat(states).filteredOn(e -> e.version() == 5).singleElement().satisfies(e -> {
            assertThat(e.vehicle().statuses()).containsExactly("GAGE");
            assertThat(e.vehicle().mileageRollback()).isTrue();
            assertThat(e.vehicle().lastMileageKm()).isEqualTo(64000);
            // the readings travel with the snapshot: verification-service's MILEAGE_ROLLBACK shows them
            assertThat(e.vehicle().mileage()).hasSize(3);
            assertThat(e.vehicle().mileage().get(2).rollback()).isTrue();
            assertThat(e.vehicle().mileage().get(1).rollback()).isFalse();
        });
    }

    VehicleDocument vehicleOf(String account) {
        String letters = "ABCDEFGHJKLMNPQRTVXYZ";
        String plate = "" + letters.charAt(RANDOM.nextInt(21)) + letters.charAt(RANDOM.nextInt(21)) + "-"
                + (100 + RANDOM.nextInt(900)) + "-" + letters.charAt(RANDOM.nextInt(21)) + letters.charAt(RANDOM.nextInt(21));
        String vin = String.format("VF1%014d", Math.floorMod(RANDOM.nextLong(), 100_000_000_000_000L));
        Owner owner = new Owner("o-" + UUID.randomUUID(), OwnerKind.PERSON, "Odile Martin", "1 rue de la Paix", "75002",
                "Paris", "odile@example.org", account);
        VehicleDocument vehicle = VehicleDocument.create(
                new VehicleData(plate, vin, "Renault", "Clio", null, 2019, "gris", "VP", "DIESEL", 5, 66, null, owner),
                null,
                Instant.parse("2025-01-01T00:00:00Z"));
        mongo.insert(vehicle);
        return vehicle;
    }

    static String proposal(String plate, String field, String value) {
        return "{\"plate\":\"" + plate + "\",\"field\":\"" + field + "\",\"value\":\"" + value
                + "\",\"justification\":\"carte grise\"}";
    }

    /** The topic's records with this key, read from the start until {@code done} holds. */
    <T> List<T> consume(String topic, Class<T> type, String key, java.util.function.Predicate<List<T>> done) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "registry-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        JacksonJsonDeserializer<T> values = new JacksonJsonDeserializer<>(type);
        values.addTrustedPackages("com.autochec.contracts.*");
        values.setUseTypeHeaders(false);
        List<T> seen = new ArrayList<>();
        try (KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(record.key())) {
                        seen.add(record.value());
                    }
                }
                return done.test(seen);
            });
        }
        return seen;
    }
}
