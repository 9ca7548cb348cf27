package com.autochec.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.contracts.Topics;
import com.autochec.contracts.vehicle.VehicleStateChanged;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.autochec.vehicle.registry.Owner;
import com.autochec.vehicle.registry.OwnerKind;
import com.autochec.vehicle.registry.VehicleData;
import com.autochec.vehicle.registry.VehicleDocument;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
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
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The real application against a real KRaft broker and the MongoDB wire server: import, outbox
 * relay, idempotent re-import, sweep after a simulated crash, deletion.
 */
@SpringBootTest(properties = "autochec.platform.outbox.sweep-interval=500ms")
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class VehicleServiceIntegrationTest {

    private static final String HEADER = "plate,vin,make,model,variant,year,colour,category,fuel,fiscal_power,power_kw,"
            + "first_registration,stolen,owner_id,owner_kind,owner_name,owner_street,owner_postal_code,owner_town,"
            + "owner_email,owner_account_id\n";
    private static final String SIV_LETTERS = "ABCDEFGHJKLMNPQRTVXYZ";
    private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private final Random random = new Random();

    @Test
    void importStoresVehiclesPublishesTheirStateAndAnIdenticalReimportPublishesNothing() throws Exception {
        List<String> vins = List.of(vin(), vin(), vin());
        List<String> plates = List.of(plate(), plate(), plate());
        String csv = HEADER
                + row(plates.get(0), vins.get(0), "false", "owner-1", "Odile Martin")
                + row(plates.get(1), vins.get(1), "true", "owner-2", "Transports Dupont")
                + "XX-000-XX," + vin() + ",Renault,Clio,,2019" + ",".repeat(15) + "\n" // bad plate: reported, skipped
                + row(plates.get(2).toLowerCase().replace('-', ' '), vins.get(2), "", "", "");

        mvc.perform(post("/api/vehicles/import").with(admin()).contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(0))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(4));

        List<VehicleDocument> stored = vins.stream().map(this::byVin).toList();
        assertThat(stored).extracting(VehicleDocument::plate).containsExactlyElementsOf(plates);
        assertThat(stored.get(1).stolen()).isTrue();
        assertThat(stored.get(0).owner().name()).isEqualTo("Odile Martin");
        assertThat(stored.get(2).owner()).isNull();
        Set<String> ids = stored.stream().map(VehicleDocument::id).collect(Collectors.toSet());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(eventsFor(ids)).hasSize(3));
        List<VehicleStateChanged> events = eventsFor(ids);
        VehicleStateChanged first = events.stream()
                .filter(e -> e.vehicleId().equals(stored.get(0).id()))
                .findFirst()
                .orElseThrow();
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.eventId()).isEqualTo(stored.get(0).outbox().eventId());
        assertThat(first.vehicle().plate()).isEqualTo(plates.get(0));
        assertThat(first.vehicle().vin()).isEqualTo(vins.get(0));
        assertThat(first.vehicle().firstRegistration()).isEqualTo(LocalDate.of(2019, 3, 1));
        assertThat(first.vehicle().owner().kind()).isEqualTo("PERSON");
        assertThat(first.vehicle().owner().accountId()).isEqualTo("account-owner-1");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(vins.stream().map(this::byVin))
                        .allSatisfy(v -> assertThat(v.outbox().published()).isTrue()));

        // the same file again: nothing changes, nothing is published
        mvc.perform(post("/api/vehicles/import").with(admin()).contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(3))
                .andExpect(jsonPath("$.errors.length()").value(1));
        assertThat(vins.stream().map(this::byVin))
                .extracting(VehicleDocument::version)
                .containsOnly(1L);

        // a marker change goes through the same relay after the re-import; once it is on the topic,
        // anything the re-import had published would be there too
        String markerVin = vin();
        mvc.perform(post("/api/vehicles/import")
                        .with(admin())
                        .contentType("text/csv")
                        .content(HEADER + row(plate(), markerVin, "false", "owner-9", "Marc Marker")))
                .andExpect(jsonPath("$.created").value(1));
        String markerId = byVin(markerVin).id();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(eventsFor(Set.of(markerId))).hasSize(1));
        assertThat(eventsFor(ids)).hasSize(3);

        // an update publishes a new version
        mvc.perform(post("/api/vehicles/import")
                        .with(admin())
                        .contentType("text/csv")
                        .content(HEADER + row(plates.get(0), vins.get(0), "false", "owner-5", "Paul Nouveau")))
                .andExpect(jsonPath("$.updated").value(1));
        VehicleDocument updated = byVin(vins.get(0));
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.ownershipHistory()).singleElement().satisfies(p -> assertThat(p.owner().name())
                .isEqualTo("Odile Martin"));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(eventsFor(Set.of(updated.id())))
                        .extracting(VehicleStateChanged::version)
                        .containsExactly(1L, 2L));
    }

    @Test
    void aChangeLeftPendingByACrashIsPublishedByTheSweep() {
        Instant now = Instant.parse("2025-01-01T10:00:00Z");
        Owner owner = new Owner("o-crash", OwnerKind.COMPANY, "Crash SA", null, null, "Lyon", null, null);
        VehicleData data = new VehicleData(
                plate(), vin(), "Peugeot", "208", null, 2021, "bleu", "VP", "ESSENCE", 5, 74, null, owner);
        // written as the service writes it, but the process "died" before kicking the relay
        VehicleDocument pending = mongo.insert(VehicleDocument.create(data, null, now));
        assertThat(pending.outbox().published()).isFalse();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(eventsFor(Set.of(pending.id())))
                        .singleElement()
                        .satisfies(event -> {
                            assertThat(event.eventId()).isEqualTo(pending.outbox().eventId());
                            assertThat(event.occurredAt()).isEqualTo(now);
                            assertThat(event.vehicle().make()).isEqualTo("Peugeot");
                        }));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> mongo.findById(pending.id(), VehicleDocument.class).outbox().published());
    }

    @Test
    void createdThenDeletedVehiclePublishesAStateWithoutVehicleAndIsRemoved() throws Exception {
        String plate = plate();
        String body = """
                {"plate":"%s","vin":"%s","make":"Citroën","model":"C3","year":2018,
                 "owner":{"kind":"PERSON","name":"Jeanne Test","town":"Nantes"}}"""
                .formatted(plate, vin());
        String location = mvc.perform(post("/api/vehicles")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        mvc.perform(delete("/api/vehicles/" + id).with(admin())).andExpect(status().isNoContent());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<VehicleStateChanged> events = eventsFor(Set.of(id));
            assertThat(events).extracting(VehicleStateChanged::version).containsExactly(1L, 2L);
            assertThat(events.get(1).vehicle()).isNull();
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.findById(id, VehicleDocument.class) == null);
        // the plate is free again
        mvc.perform(post("/api/vehicles")
                        .with(admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.replaceFirst("\"vin\":\"[A-Z0-9]+\"", "\"vin\":\"" + vin() + "\"")))
                .andExpect(status().isCreated());
    }

    @Test
    void tenThousandRowsImportAndArePublished() throws Exception {
        int count = 10_000;
        StringBuilder csv = new StringBuilder(HEADER);
        List<String> vins = new ArrayList<>(count);
        Set<String> plates = new java.util.HashSet<>();
        while (vins.size() < count) {
            String plate = plate();
            if (plates.add(plate)) {
                String vin = vin();
                vins.add(vin);
                csv.append(row(plate, vin, "false", "bulk-" + vins.size(), "Bulk Owner " + vins.size()));
            }
        }
        long start = System.nanoTime();
        mvc.perform(post("/api/vehicles/import").with(admin()).contentType("text/csv").content(csv.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(count))
                .andExpect(jsonPath("$.errors.length()").value(0));
        System.out.printf("Imported %d rows in %d ms%n", count, (System.nanoTime() - start) / 1_000_000);

        await().atMost(Duration.ofSeconds(180))
                .until(() -> mongo.count(
                                org.springframework.data.mongodb.core.query.Query.query(
                                        org.springframework.data.mongodb.core.query.Criteria.where("outbox.published")
                                                .is(false)),
                                VehicleDocument.class)
                        == 0);
        System.out.printf("Imported and published %d rows in %d ms%n", count, (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void theStateTopicIsCompactedWithThreePartitions() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrapServers))) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> admin.listTopics().names().get().contains(Topics.VEHICLE_STATE));
            TopicDescription description = admin.describeTopics(List.of(Topics.VEHICLE_STATE))
                    .allTopicNames()
                    .get()
                    .get(Topics.VEHICLE_STATE);
            assertThat(description.partitions()).hasSize(3);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.VEHICLE_STATE);
            ConfigEntry policy = admin.describeConfigs(List.of(resource))
                    .all()
                    .get()
                    .get(resource)
                    .get("cleanup.policy");
            assertThat(policy.value()).isEqualTo("compact");
        }
    }

    private VehicleDocument byVin(String vin) {
        return mongo.findOne(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("vin").is(vin)),
                VehicleDocument.class);
    }

    /** Every state event on the topic so far (beginning to current end) for these vehicles, in order. */
    private List<VehicleStateChanged> eventsFor(Set<String> vehicleIds) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(JacksonJsonDeserializer.TRUSTED_PACKAGES, "com.autochec.contracts.vehicle");
        JacksonJsonDeserializer<VehicleStateChanged> deserializer = new JacksonJsonDeserializer<>();
        deserializer.configure(config, false);
        try (KafkaConsumer<String, VehicleStateChanged> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), deserializer)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.VEHICLE_STATE, Duration.ofSeconds(10))
                    .stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<VehicleStateChanged> events = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, VehicleStateChanged> record : consumer.poll(Duration.ofMillis(500))) {
                    if (vehicleIds.contains(record.key())) {
                        assertThat(record.value().vehicleId()).isEqualTo(record.key());
                        events.add(record.value());
                    }
                }
            }
            events.sort(java.util.Comparator.comparing(VehicleStateChanged::vehicleId)
                    .thenComparingLong(VehicleStateChanged::version));
            return events;
        }
    }

    private static RequestPostProcessor admin() {
        return jwt().jwt(j -> j.subject("00000000-0000-4000-8000-000000000001").claim("roles", List.of("admin")))
                .authorities(new SimpleGrantedAuthority("ROLE_admin"));
    }

    private static String row(String plate, String vin, String stolen, String ownerId, String ownerName) {
        String owner = ownerId.isEmpty()
                ? ",,,,,,,"
                : ownerId + ",PERSON," + ownerName + ",\"1, rue de la Paix\",75002,Paris,"
                        + ownerId + "@example.org,account-" + ownerId;
        return plate + "," + vin + ",Renault,Clio,\"V, 1.5 dCi\",2019,gris,VP,DIESEL,5,66,2019-03-01," + stolen + ","
                + owner + "\n";
    }

    private String plate() {
        return "" + letter() + letter() + "-" + (100 + random.nextInt(900)) + "-" + letter() + letter();
    }

    private char letter() {
        return SIV_LETTERS.charAt(random.nextInt(SIV_LETTERS.length()));
    }

    private String vin() {
        StringBuilder vin = new StringBuilder("VF1");
        while (vin.length() < 17) {
            vin.append(VIN_CHARS.charAt(random.nextInt(VIN_CHARS.length())));
        }
        return vin.toString();
    }
}
