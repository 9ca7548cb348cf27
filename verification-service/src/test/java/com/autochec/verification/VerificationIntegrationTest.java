package com.autochec.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.contracts.Topics;
import com.autochec.contracts.document.DocumentStateChanged;
import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.ocr.PlateRead;
import com.autochec.contracts.ocr.VinRead;
import com.autochec.contracts.vehicle.OwnerSnapshot;
import com.autochec.contracts.vehicle.VehicleSnapshot;
import com.autochec.contracts.vehicle.VehicleStateChanged;
import com.autochec.localstack.testing.BeanFaults;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.autochec.verification.check.CheckService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real service against a real KRaft broker and the MongoDB wire server: read models fed from
 * Kafka, typed and photo checks, CheckCompleted and plate images on their topics, dead letters.
 * Each test uses its own plates so the tests do not depend on each other or on their order.
 */
@SpringBootTest(
        properties = {
            "autochec.platform.outbox.sweep-interval=1s",
            "autochec.verification.image-grace=2s",
            "autochec.platform.object-store.directory=target/test-objects/${random.uuid}",
            "spring.kafka.consumer.properties.metadata.max.age.ms=1000"
        })
@AutoConfigureMockMvc
@Import({EmbeddedInfrastructure.class, VerificationIntegrationTest.CheckServiceFaults.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerificationIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};

    @Autowired
    MockMvc mvc;

    @Autowired
    KafkaTemplate<String, Object> json;

    @Autowired
    KafkaTemplate<String, byte[]> bytes;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    JsonMapper mapper;

    @Autowired
    CheckServiceFaults faults;

    private final LocalDate today = LocalDate.now();
    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();
    private KafkaConsumer<String, byte[]> consumer;

    @BeforeAll
    void watchOutputTopics() {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                        ConsumerConfig.GROUP_ID_CONFIG, "it-watcher-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(
                Topics.CHECK_COMPLETED,
                Topics.PLATE_IMAGE,
                Topics.VIN_IMAGE,
                Topics.FRAUD_SIGNALS,
                Topics.VEHICLE_STATE + Topics.DEAD_LETTER_SUFFIX,
                Topics.PLATE_READ + Topics.DEAD_LETTER_SUFFIX));
    }

    @AfterAll
    void close() {
        consumer.close();
    }

    /** Polls the watched topics and returns every record seen so far on {@code topic} with {@code key}. */
    private synchronized List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream()
                .filter(r -> r.topic().equals(topic) && key.equals(r.key()))
                .toList();
    }

    private JsonNode completedEvent(String checkId) {
        List<ConsumerRecord<String, byte[]>> events = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            events.clear();
            events.addAll(records(Topics.CHECK_COMPLETED, checkId));
            return !events.isEmpty();
        });
        return mapper.readTree(events.get(0).value());
    }

    // --- fixtures -------------------------------------------------------------------------------

    private String vehicle(String plate, boolean stolen, LocalDate firstRegistration) throws Exception {
        String vehicleId = UUID.randomUUID().toString();
        String vin = ("VF1" + UUID.randomUUID().toString().replace("-", "")).substring(0, 17).toUpperCase();
        OwnerSnapshot owner = new OwnerSnapshot(
                "own-" + vehicleId, "PERSON", "Odile Martin", "12 rue des Lilas", "69003", "Lyon",
                "odile@example.org", "00000000-0000-4000-8000-000000000003");
        VehicleSnapshot snapshot = new VehicleSnapshot(
                vehicleId, plate, vin, "Renault", "Clio", "V", 2020, "grey", "M1", "petrol", 5, 67,
                firstRegistration, stolen, owner);
        json.send(Topics.VEHICLE_STATE, vehicleId, new VehicleStateChanged(
                        UUID.randomUUID().toString(), Instant.now(), vehicleId, 1, snapshot))
                .get();
        return vin;
    }

    private void document(String vin, String plate, DocumentType type, LocalDate validUntil) throws Exception {
        String documentId = UUID.randomUUID().toString();
        json.send(Topics.DOCUMENT_STATE, documentId, new DocumentStateChanged(
                        UUID.randomUUID().toString(), Instant.now(), documentId, 1, vin, plate, type,
                        DocumentStatus.VALIDATED, "Issuer", "REF-" + documentId.substring(0, 8),
                        validUntil.minusYears(1), validUntil, null, false))
                .get();
    }

    /** A young vehicle (no inspection needed) with road tax paid and insurance until {@code insuredUntil}. */
    private String insuredVehicle(String plate, boolean stolen, LocalDate insuredUntil) throws Exception {
        String vin = vehicle(plate, stolen, today.minusYears(1));
        document(vin, plate, DocumentType.INSURANCE, insuredUntil);
        document(vin, plate, DocumentType.ROAD_TAX, today.plusMonths(8));
        return vin;
    }

    private MvcResult typedCheck(String plate) throws Exception {
        return mvc.perform(post("/api/checks")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"" + plate + "\"}"))
                .andReturn();
    }

    /** Waits until the read model answers for the plate with the expected verdict; returns the check. */
    private JsonNode awaitVerdict(String plate, String verdict) {
        JsonNode[] body = new JsonNode[1];
        await().atMost(WAIT).untilAsserted(() -> {
            MvcResult result = typedCheck(plate);
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            body[0] = mapper.readTree(result.getResponse().getContentAsString());
            assertThat(body[0].get("verdict").stringValue()).isEqualTo(verdict);
        });
        return body[0];
    }

    private static List<String> codes(JsonNode check) {
        List<String> codes = new ArrayList<>();
        check.get("reasons").forEach(r -> {
            if (!"INFO".equals(r.get("severity").stringValue())) {
                codes.add(r.get("code").stringValue());
            }
        });
        return codes;
    }

    // --- typed checks ---------------------------------------------------------------------------

    @Test
    void typedChecksGiveTheExpectedVerdictsAndArePublished() throws Exception {
        insuredVehicle("KT-101-AA", false, today.plusMonths(6));
        insuredVehicle("KT-102-AA", false, today.minusDays(20));
        insuredVehicle("KT-103-AA", true, today.plusMonths(6));

        JsonNode ok = awaitVerdict("kt 101 aa", "OK");
        assertThat(ok.get("status").stringValue()).isEqualTo("COMPLETED");
        assertThat(ok.get("source").stringValue()).isEqualTo("TYPED");
        assertThat(ok.get("plate").stringValue()).isEqualTo("KT-101-AA");
        assertThat(ok.get("vehicle").has("owner")).isFalse();
        assertThat(ok.get("documents")).hasSize(2);

        JsonNode expired = awaitVerdict("KT-102-AA", "FAIL");
        assertThat(codes(expired)).containsExactly("INSURANCE_EXPIRED");

        JsonNode stolen = awaitVerdict("KT102AA".replace("102", "103"), "FAIL");
        assertThat(codes(stolen)).containsExactly("REPORTED_STOLEN");

        JsonNode event = completedEvent(stolen.get("id").stringValue());
        assertThat(event.get("verdict").stringValue()).isEqualTo("FAIL");
        assertThat(event.get("source").stringValue()).isEqualTo("TYPED");
        assertThat(event.get("requester").get("role").stringValue()).isEqualTo("public");
        assertThat(event.get("vehicle").get("ownerName").stringValue()).isEqualTo("Odile Martin");
        assertThat(event.get("reasons").get(0).get("code").stringValue()).isEqualTo("REPORTED_STOLEN");
        assertThat(event.get("eventId").stringValue()).isNotBlank();

        // the agent's view and the requester recorded in the event
        MvcResult agent = mvc.perform(post("/api/checks")
                        .with(jwt().jwt(j -> j.subject("agent-sub")
                                        .claim("preferred_username", "agent")
                                        .claim("organisation", "Police nationale (démo)"))
                                .authorities(new SimpleGrantedAuthority("ROLE_agent")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"KT-101-AA\",\"purpose\":\"ROADSIDE_CONTROL\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vehicle.owner.name").value("Odile Martin"))
                .andExpect(jsonPath("$.vehicle.owner.email").doesNotExist())
                .andReturn();
        String agentCheck = mapper.readTree(agent.getResponse().getContentAsString()).get("id").stringValue();
        JsonNode agentEvent = completedEvent(agentCheck);
        assertThat(agentEvent.get("requester").get("subject").stringValue()).isEqualTo("agent-sub");
        assertThat(agentEvent.get("requester").get("organisation").stringValue()).isEqualTo("Police nationale (démo)");
        assertThat(agentEvent.get("purpose").stringValue()).isEqualTo("ROADSIDE_CONTROL");

        // read back: anonymous checks by anyone, the agent's only by the agent (or an admin)
        mvc.perform(get("/api/checks/" + ok.get("id").stringValue()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.verdict").value("OK"));
        mvc.perform(get("/api/checks/" + agentCheck)).andExpect(status().isNotFound());
    }

    @Test
    void anUnknownPlateIsA404ThatIsStillAudited() throws Exception {
        MvcResult result = typedCheck("ZZ-404-ZZ");
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        JsonNode problem = mapper.readTree(result.getResponse().getContentAsString());
        assertThat(problem.get("type").stringValue()).isEqualTo("https://autochec.dev/problems/not-found");
        String checkId = problem.get("checkId").stringValue();

        JsonNode event = completedEvent(checkId);
        assertThat(event.get("verdict").stringValue()).isEqualTo("NOT_FOUND");
        assertThat(event.get("plate").stringValue()).isEqualTo("ZZ-404-ZZ");
        assertThat(event.get("vehicle").isNull()).isTrue();
    }

    // --- fraud signals and uncertain readings ----------------------------------------------------

    private static org.springframework.test.web.servlet.request.RequestPostProcessor agent() {
        return jwt().jwt(j -> j.subject("agent-sub").claim("preferred_username", "agent")
                        .claim("organisation", "Police nationale (démo)").claim("organisation_kind", "POLICE"))
                .authorities(new SimpleGrantedAuthority("ROLE_agent"));
    }

    private JsonNode agentCheck(String body) throws Exception {
        MvcResult result = mvc.perform(post("/api/checks").with(agent()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andReturn();
        return mapper.readTree(result.getResponse().getContentAsString());
    }

    @Test
    void twoChecksOfOnePlateFarApartWithinMinutesAreImpossibleTravelAndAnotherColourIsAnotherCar() throws Exception {
        insuredVehicle("KT-501-AA", false, today.plusMonths(6));
        awaitVerdict("KT-501-AA", "OK");
        JsonNode first = agentCheck("{\"plate\":\"KT-501-AA\",\"purpose\":\"ROADSIDE_CONTROL\","
                + "\"observed\":{\"colour\":\"gris\"},\"location\":{\"lat\":48.8566,\"lon\":2.3522}}");
        assertThat(codes(first)).isEmpty();
        JsonNode second = agentCheck("{\"plate\":\"KT-501-AA\",\"purpose\":\"ROADSIDE_CONTROL\","
                + "\"observed\":{\"colour\":\"rouge\"},\"location\":{\"lat\":43.2965,\"lon\":5.3698}}");
        assertThat(codes(second)).containsExactly("ATTRIBUTES_COLOUR_MISMATCH", "PLATE_SEEN_ON_OTHER_VEHICLE", "IMPOSSIBLE_TRAVEL");
        assertThat(second.get("verdict").stringValue()).isEqualTo("WARNING");
        JsonNode event = completedEvent(second.get("id").stringValue());
        assertThat(event.get("reasons").toString()).contains("IMPOSSIBLE_TRAVEL").contains("previousCheckId");
        assertThat(event.get("requester").get("organisationKind").stringValue()).isEqualTo("POLICE");
    }

    @Test
    void anUncertainReadingWaitsForTheRequestersConfirmationThenCompletesAndIsPublished() throws Exception {
        insuredVehicle("KT-601-AA", false, today.plusMonths(6));
        awaitVerdict("KT-601-AA", "OK");
        MvcResult accepted = mvc.perform(multipart("/api/checks")
                        .file(new MockMultipartFile("photo", "plate.jpg", "image/jpeg", JPEG))
                        .param("purpose", "ROADSIDE_CONTROL")
                        .with(agent()))
                .andExpect(status().isAccepted())
                .andReturn();
        String checkId = mapper.readTree(accepted.getResponse().getContentAsString()).get("id").stringValue();
        json.send(Topics.PLATE_READ, checkId, new PlateRead(UUID.randomUUID().toString(), Instant.now(), checkId, true,
                        null, List.of(new PlateRead.PlateCandidate("KT6O1AA", 0.52, null)), "ppocr-v4", 80))
                .get();
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/api/checks/" + checkId).with(agent()))
                .andExpect(jsonPath("$.status").value("NEEDS_CONFIRMATION"))
                .andExpect(jsonPath("$.options[0].plate").value("KT-601-AA"))
                .andExpect(jsonPath("$.options[0].registered").value(true)));
        mvc.perform(post("/api/checks/" + checkId + "/confirm").with(agent())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"plate\":\"KT-601-AA\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.verdict").value("OK"));
        JsonNode event = completedEvent(checkId);
        assertThat(event.get("plate").stringValue()).isEqualTo("KT-601-AA");
        assertThat(event.get("purpose").stringValue()).isEqualTo("ROADSIDE_CONTROL");
        assertThat(event.get("reasons").get(0).get("code").stringValue()).isEqualTo("PLATE_CONFIRMED");
    }

    // --- photo checks ---------------------------------------------------------------------------

    @Test
    void aPhotoCheckIsCompletedByThePlateReadingAndARedeliveryChangesNothing() throws Exception {
        insuredVehicle("KT-201-AA", false, today.plusMonths(6));
        awaitVerdict("KT-201-AA", "OK");

        MvcResult accepted = mvc.perform(multipart("/api/checks")
                        .file(new MockMultipartFile("photo", "plate.jpg", "image/jpeg", JPEG))
                        .param("purpose", "PRE_PURCHASE"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn();
        String checkId = mapper.readTree(accepted.getResponse().getContentAsString()).get("id").stringValue();
        assertThat(accepted.getResponse().getHeader("Location")).isEqualTo("/api/checks/" + checkId);
        mvc.perform(get("/api/checks/" + checkId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.source").value("PHOTO"));

        List<ConsumerRecord<String, byte[]>> images = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            images.clear();
            images.addAll(records(Topics.PLATE_IMAGE, checkId));
            return !images.isEmpty();
        });
        ConsumerRecord<String, byte[]> image = images.get(0);
        assertThat(image.value()).isEqualTo(JPEG);
        assertThat(header(image, Topics.HEADER_REQUEST_ID)).isEqualTo(checkId);
        assertThat(header(image, Topics.HEADER_CONTENT_TYPE)).isEqualTo("image/jpeg");

        // the best candidate is unknown, the second one (not close enough to make the reading ambiguous) is a
        // registered vehicle: it wins
        PlateRead read = new PlateRead(
                UUID.randomUUID().toString(), Instant.now(), checkId, true, null,
                List.of(new PlateRead.PlateCandidate("KT-281-AA", 0.91, null),
                        new PlateRead.PlateCandidate("KT-201-AA", 0.75, new PlateRead.Box(10, 20, 200, 50))),
                "ppocr-v4", 120);
        json.send(Topics.PLATE_READ, checkId, read).get();

        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/api/checks/" + checkId))
                .andExpect(jsonPath("$.status").value("COMPLETED")));
        MvcResult done = mvc.perform(get("/api/checks/" + checkId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("PHOTO"))
                .andExpect(jsonPath("$.plate").value("KT-201-AA"))
                .andExpect(jsonPath("$.verdict").value("OK"))
                .andExpect(jsonPath("$.reading.text").value("KT-201-AA"))
                .andExpect(jsonPath("$.reading.confidence").value(0.75))
                .andExpect(jsonPath("$.reading.engine").value("ppocr-v4"))
                .andExpect(jsonPath("$.reading.candidates.length()").value(2))
                .andExpect(jsonPath("$.reading.candidates[0].text").value("KT-281-AA"))
                .andExpect(jsonPath("$.vehicle.make").value("Renault"))
                .andReturn();
        String before = done.getResponse().getContentAsString();
        JsonNode event = completedEvent(checkId);
        assertThat(event.get("reading").get("text").stringValue()).isEqualTo("KT-201-AA");
        assertThat(event.get("source").stringValue()).isEqualTo("PHOTO");

        // redelivery, with other candidates: once the listener has passed it, nothing has changed
        PlateRead redelivered = new PlateRead(
                read.eventId(), read.occurredAt(), checkId, true, null,
                List.of(new PlateRead.PlateCandidate("KT-999-ZZ", 0.99, null)), "ppocr-v4", 120);
        RecordMetadata sent = json.send(Topics.PLATE_READ, checkId, redelivered).get().getRecordMetadata();
        awaitConsumed(new TopicPartition(sent.topic(), sent.partition()), sent.offset());
        assertThat(mvc.perform(get("/api/checks/" + checkId)).andReturn().getResponse().getContentAsString())
                .isEqualTo(before);
        assertThat(records(Topics.CHECK_COMPLETED, checkId)).hasSize(1);
    }

    // --- VIN photos and photo colour --------------------------------------------------------------

    private String agentPhotoCheck(MockMultipartFile... files) throws Exception {
        var request = multipart("/api/checks");
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        MvcResult accepted = mvc.perform(request.param("purpose", "ROADSIDE_CONTROL").with(agent()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn();
        return mapper.readTree(accepted.getResponse().getContentAsString()).get("id").stringValue();
    }

    private JsonNode awaitCompleted(String checkId) throws Exception {
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/api/checks/" + checkId).with(agent()))
                .andExpect(jsonPath("$.status").value("COMPLETED")));
        return mapper.readTree(mvc.perform(get("/api/checks/" + checkId).with(agent())).andReturn().getResponse()
                .getContentAsString());
    }

    private static JsonNode reason(JsonNode check, String code) {
        for (JsonNode r : check.get("reasons")) {
            if (code.equals(r.get("code").stringValue())) {
                return r;
            }
        }
        throw new AssertionError("no " + code + " in " + check.get("reasons"));
    }

    @Test
    void aVinPhotoReadAsAnotherVinFailsTheCheckOnceBothReadingsAreIn() throws Exception {
        String registered = insuredVehicle("KT-701-AA", false, today.plusMonths(6));
        awaitVerdict("KT-701-AA", "OK");
        String checkId = agentPhotoCheck(new MockMultipartFile("photo", "plate.jpg", "image/jpeg", JPEG),
                new MockMultipartFile("vinPhoto", "vin.jpg", "image/jpeg", JPEG));
        await().atMost(WAIT).until(() -> !records(Topics.VIN_IMAGE, checkId).isEmpty());
        assertThat(header(records(Topics.VIN_IMAGE, checkId).get(0), Topics.HEADER_REQUEST_ID)).isEqualTo(checkId);

        RecordMetadata plateSent = json.send(Topics.PLATE_READ, checkId, new PlateRead(UUID.randomUUID().toString(),
                        Instant.now(), checkId, true, null, List.of(new PlateRead.PlateCandidate("KT701AA", 0.95, null)),
                        "ppocr-v4", 90))
                .get().getRecordMetadata();
        awaitConsumed(new TopicPartition(plateSent.topic(), plateSent.partition()), plateSent.offset());
        // the plate is read, the VIN not yet: the check waits
        mvc.perform(get("/api/checks/" + checkId).with(agent())).andExpect(jsonPath("$.status").value("PENDING"));

        String other = "VF1RFB00X56789012";
        VinRead vinRead = new VinRead(UUID.randomUUID().toString(), Instant.now(), checkId, true, null, other, 0.88, null,
                other, "tesseract-vin", 300);
        json.send(Topics.VIN_READ, checkId, vinRead).get();

        JsonNode check = awaitCompleted(checkId);
        assertThat(check.get("verdict").stringValue()).isEqualTo("FAIL");
        JsonNode mismatch = reason(check, "VIN_MISMATCH");
        assertThat(mismatch.get("severity").stringValue()).isEqualTo("FAIL");
        assertThat(mismatch.get("evidence").toString()).contains("PHOTO").contains(other).contains(registered);
        assertThat(completedEvent(checkId).get("reasons").toString()).contains("VIN_MISMATCH");

        // a redelivered VIN reading changes nothing
        String before = mvc.perform(get("/api/checks/" + checkId).with(agent())).andReturn().getResponse().getContentAsString();
        RecordMetadata again = json.send(Topics.VIN_READ, checkId, vinRead).get().getRecordMetadata();
        awaitConsumed(new TopicPartition(again.topic(), again.partition()), again.offset());
        assertThat(mvc.perform(get("/api/checks/" + checkId).with(agent())).andReturn().getResponse().getContentAsString())
                .isEqualTo(before);
    }

    @Test
    void aTypedPlateWithAVinPhotoReadAsTheRegisteredVinIsAMatch() throws Exception {
        String registered = insuredVehicle("KT-702-AA", false, today.plusMonths(6));
        awaitVerdict("KT-702-AA", "OK");
        MvcResult accepted = mvc.perform(multipart("/api/checks")
                        .file(new MockMultipartFile("vinPhoto", "vin.png", "image/jpeg", JPEG))
                        .param("plate", "kt 702 aa")
                        .param("purpose", "ROADSIDE_CONTROL")
                        .with(agent()))
                .andExpect(status().isAccepted())
                .andReturn();
        String checkId = mapper.readTree(accepted.getResponse().getContentAsString()).get("id").stringValue();
        assertThat(records(Topics.PLATE_IMAGE, checkId)).isEmpty();

        json.send(Topics.VIN_READ, checkId, new VinRead(UUID.randomUUID().toString(), Instant.now(), checkId, true, null,
                        registered, 0.7, null, registered, "tesseract-vin", 300))
                .get();

        JsonNode check = awaitCompleted(checkId);
        assertThat(check.get("plate").stringValue()).isEqualTo("KT-702-AA");
        assertThat(check.get("verdict").stringValue()).isEqualTo("OK");
        assertThat(reason(check, "VIN_MATCH").get("severity").stringValue()).isEqualTo("INFO");
    }

    @Test
    void anUnreadableVinPhotoIsSaidAndOnlyAgentsAndAdminsMaySendOne() throws Exception {
        insuredVehicle("KT-703-AA", false, today.plusMonths(6));
        awaitVerdict("KT-703-AA", "OK");
        MockMultipartFile vinPhoto = new MockMultipartFile("vinPhoto", "vin.jpg", "image/jpeg", JPEG);
        mvc.perform(multipart("/api/checks").file(vinPhoto).param("plate", "KT-703-AA"))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/checks").param("plate", "KT-703-AA").param("purpose", "ROADSIDE_CONTROL")
                        .with(agent()))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/checks").file(vinPhoto).param("purpose", "ROADSIDE_CONTROL").with(agent()))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/checks").file(new MockMultipartFile("photo", "plate.jpg", "image/jpeg", JPEG))
                        .param("plate", "KT-703-AA").param("purpose", "ROADSIDE_CONTROL").with(agent()))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/checks").file(vinPhoto).param("plate", "KT-7O3-A!")
                        .param("purpose", "ROADSIDE_CONTROL").with(agent()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("plate"));

        MvcResult accepted = mvc.perform(multipart("/api/checks").file(vinPhoto).param("plate", "KT-703-AA")
                        .param("purpose", "ROADSIDE_CONTROL").with(agent()))
                .andExpect(status().isAccepted())
                .andReturn();
        String checkId = mapper.readTree(accepted.getResponse().getContentAsString()).get("id").stringValue();
        json.send(Topics.VIN_READ, checkId, new VinRead(UUID.randomUUID().toString(), Instant.now(), checkId, false,
                        "NO_VIN_FOUND", null, 0, null, "RENAULT", "tesseract-vin", 300))
                .get();

        JsonNode check = awaitCompleted(checkId);
        assertThat(check.get("verdict").stringValue()).isEqualTo("OK");
        JsonNode unreadable = reason(check, "VIN_PHOTO_UNREADABLE");
        assertThat(unreadable.get("severity").stringValue()).isEqualTo("INFO");
        assertThat(unreadable.get("evidence").toString()).contains("NO_VIN_FOUND");
    }

    @Test
    void theColourEstimatedOnThePhotoIsComparedWithTheRegistryOnlyWhenConfident() throws Exception {
        insuredVehicle("KT-704-AA", false, today.plusMonths(6));
        awaitVerdict("KT-704-AA", "OK");
        String confident = agentPhotoCheck(new MockMultipartFile("photo", "plate.jpg", "image/jpeg", JPEG));
        json.send(Topics.PLATE_READ, confident, new PlateRead(UUID.randomUUID().toString(), Instant.now(), confident,
                        true, null, List.of(new PlateRead.PlateCandidate("KT704AA", 0.95, null)), "ppocr-v4", 90,
                        new PlateRead.ColourEstimate("Rouge", 0.83)))
                .get();
        JsonNode check = awaitCompleted(confident);
        assertThat(check.get("verdict").stringValue()).isEqualTo("WARNING");
        JsonNode mismatch = reason(check, "ATTRIBUTES_COLOUR_MISMATCH");
        assertThat(mismatch.get("evidence").toString()).contains("Rouge").contains("0.83").contains("PHOTO");

        String unsure = agentPhotoCheck(new MockMultipartFile("photo", "plate.jpg", "image/jpeg", JPEG));
        json.send(Topics.PLATE_READ, unsure, new PlateRead(UUID.randomUUID().toString(), Instant.now(), unsure,
                        true, null, List.of(new PlateRead.PlateCandidate("KT704AA", 0.95, null)), "ppocr-v4", 90,
                        new PlateRead.ColourEstimate("Rouge", 0.41)))
                .get();
        assertThat(codes(awaitCompleted(unsure))).doesNotContain("ATTRIBUTES_COLOUR_MISMATCH");
    }

    private List<JsonNode> fraudSignals(String plate, String checkId) {
        return records(Topics.FRAUD_SIGNALS, plate).stream()
                .map(r -> mapper.readTree(r.value()))
                .filter(e -> checkId.equals(e.get("checkId").stringValue()))
                .toList();
    }

    @Test
    void anObservedColourMismatchPublishesOneFraudSignalForAdminsAndARedeliveryNoOther() throws Exception {
        insuredVehicle("KT-705-AA", false, today.plusMonths(6));
        awaitVerdict("KT-705-AA", "OK");
        MvcResult accepted = mvc.perform(multipart("/api/checks")
                        .file(new MockMultipartFile("photo", "plate.jpg", "image/jpeg", JPEG))
                        .param("purpose", "ROADSIDE_CONTROL")
                        .param("observedColour", "rouge")
                        .with(agent()))
                .andExpect(status().isAccepted())
                .andReturn();
        String checkId = mapper.readTree(accepted.getResponse().getContentAsString()).get("id").stringValue();
        PlateRead read = new PlateRead(UUID.randomUUID().toString(), Instant.now(), checkId, true, null,
                List.of(new PlateRead.PlateCandidate("KT705AA", 0.95, null)), "ppocr-v4", 90);
        json.send(Topics.PLATE_READ, checkId, read).get();
        assertThat(codes(awaitCompleted(checkId))).containsExactly("ATTRIBUTES_COLOUR_MISMATCH");

        await().atMost(WAIT).until(() -> !fraudSignals("KT-705-AA", checkId).isEmpty());
        JsonNode event = fraudSignals("KT-705-AA", checkId).get(0);
        assertThat(event.get("code").stringValue()).isEqualTo("ATTRIBUTES_COLOUR_MISMATCH");
        assertThat(event.get("severity").stringValue()).isEqualTo("WARNING");
        assertThat(event.get("plate").stringValue()).isEqualTo("KT-705-AA");
        assertThat(event.get("organisation").stringValue()).isEqualTo("Police nationale (démo)");
        assertThat(event.get("evidence").get("observed").stringValue()).isEqualTo("rouge");
        assertThat(event.get("evidence").get("registered").stringValue()).isEqualTo("grey");
        assertThat(event.get("eventId").stringValue()).isNotBlank();
        assertThat(event.get("occurredAt").isNull()).isFalse();
        // no person data: neither the owner nor the agent
        assertThat(event.toString()).doesNotContain("Odile").doesNotContain("agent-sub").doesNotContain("Lyon");

        // the reading redelivered: the check is not completed again, no second signal
        RecordMetadata again = json.send(Topics.PLATE_READ, checkId, read).get().getRecordMetadata();
        awaitConsumed(new TopicPartition(again.topic(), again.partition()), again.offset());
        completedEvent(checkId);
        assertThat(fraudSignals("KT-705-AA", checkId)).hasSize(1);
        assertThat(records(Topics.CHECK_COMPLETED, checkId)).hasSize(1);
    }

    @Test
    void aRegistryMileageRollbackWarnsWithTheReadings() throws Exception {
        String vehicleId = UUID.randomUUID().toString();
        VehicleSnapshot snapshot = new VehicleSnapshot(
                vehicleId, "KT-706-AA", "VF1RFB00X56789012", "Renault", "Clio", "V", 2019, "Blanc", "M1", "petrol", 5,
                67, today.minusYears(2), false, null, List.of(), 42_000, today.minusMonths(1), true,
                List.of(new VehicleSnapshot.MileageSnapshot(today.minusYears(1), 85_000, false),
                        new VehicleSnapshot.MileageSnapshot(today.minusMonths(1), 42_000, true)));
        json.send(Topics.VEHICLE_STATE, vehicleId, new VehicleStateChanged(
                        UUID.randomUUID().toString(), Instant.now(), vehicleId, 1, snapshot))
                .get();
        await().atMost(WAIT).untilAsserted(() -> assertThat(typedCheck("KT-706-AA").getResponse().getStatus()).isEqualTo(200));
        JsonNode check = mapper.readTree(typedCheck("KT-706-AA").getResponse().getContentAsString());
        JsonNode rollback = reason(check, "MILEAGE_ROLLBACK");
        assertThat(rollback.get("severity").stringValue()).isEqualTo("WARNING");
        assertThat(rollback.get("evidence").get("readings").stringValue()).contains("85000 km").contains("42000 km (recul");
        assertThat(rollback.get("messageFr").stringValue()).contains("compteur");
    }

    @Test
    void anUnreadablePhotoCompletesAsUnreadable() throws Exception {
        MvcResult accepted = mvc.perform(multipart("/api/checks")
                        .file(new MockMultipartFile("photo", "x.png", "image/png",
                                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0})))
                .andExpect(status().isAccepted())
                .andReturn();
        String checkId = mapper.readTree(accepted.getResponse().getContentAsString()).get("id").stringValue();
        json.send(Topics.PLATE_READ, checkId, new PlateRead(
                        UUID.randomUUID().toString(), Instant.now(), checkId, false, "NO_PLATE_FOUND", List.of(),
                        "ppocr-v4", 80))
                .get();
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/api/checks/" + checkId))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.verdict").value("UNREADABLE"))
                .andExpect(jsonPath("$.reasons[0].code").value("PLATE_UNREADABLE")));
        assertThat(completedEvent(checkId).get("verdict").stringValue()).isEqualTo("UNREADABLE");
    }

    @Test
    void aForeignPlateReadFromAPhotoIsNotRegisteredNotUnreadable() throws Exception {
        MvcResult accepted = mvc.perform(multipart("/api/checks")
                        .file(new MockMultipartFile("photo", "x.png", "image/png",
                                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0})))
                .andExpect(status().isAccepted())
                .andReturn();
        String checkId = mapper.readTree(accepted.getResponse().getContentAsString()).get("id").stringValue();
        json.send(Topics.PLATE_READ, checkId, new PlateRead(
                        UUID.randomUUID().toString(), Instant.now(), checkId, true, null,
                        List.of(new PlateRead.PlateCandidate("M5XSX", 0.93, null)), "ppocr-v4", 80))
                .get();
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/api/checks/" + checkId))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.plate").value("M5XSX"))
                .andExpect(jsonPath("$.plateKind").value("FOREIGN_OR_UNKNOWN"))
                .andExpect(jsonPath("$.verdict").value("NOT_FOUND"))
                .andExpect(jsonPath("$.reasons[0].code").value("PLATE_NOT_REGISTERED")));
        assertThat(completedEvent(checkId).get("verdict").stringValue()).isEqualTo("NOT_FOUND");
    }

    @Test
    void photosThatAreNotImagesOrTooLargeAreRefused() throws Exception {
        mvc.perform(multipart("/api/checks")
                        .file(new MockMultipartFile("photo", "x.jpg", "image/jpeg", "%PDF-1.7 not an image".getBytes())))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unsupported-media-type"));
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(JPEG, 0, huge, 0, JPEG.length);
        mvc.perform(multipart("/api/checks").file(new MockMultipartFile("photo", "x.jpg", "image/jpeg", huge)))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/payload-too-large"));
        mvc.perform(multipart("/api/checks").file(new MockMultipartFile("other", "x.jpg", "image/jpeg", JPEG)))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    // --- poison records -------------------------------------------------------------------------

    @Test
    void aPoisonVehicleStateGoesToTheDeadLetterTopicAndTheConsumerGoesOn() throws Exception {
        String key = UUID.randomUUID().toString();
        bytes.send(new ProducerRecord<>(Topics.VEHICLE_STATE, key, "{not json".getBytes(StandardCharsets.UTF_8)))
                .get();
        insuredVehicle("KT-301-AA", false, today.plusMonths(6));

        await().atMost(WAIT).until(() -> !records(Topics.VEHICLE_STATE + Topics.DEAD_LETTER_SUFFIX, key).isEmpty());
        ConsumerRecord<String, byte[]> dead = records(Topics.VEHICLE_STATE + Topics.DEAD_LETTER_SUFFIX, key).get(0);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        awaitVerdict("KT-301-AA", "OK");
    }

    @Test
    void aPoisonStateInsideABatchGoesAloneToTheDeadLetterTopicAndItsNeighboursAreApplied() throws Exception {
        insuredVehicle("KT-302-AA", false, today.plusMonths(6));
        String poisonId = UUID.randomUUID().toString();
        VehicleSnapshot withoutPlate = new VehicleSnapshot(
                poisonId, null, "VF1POISON" + poisonId.substring(0, 8).toUpperCase(), "Renault", "Clio", "V", 2020,
                "grey", "M1", "petrol", 5, 67, today.minusYears(1), false, null);
        json.send(Topics.VEHICLE_STATE, poisonId, new VehicleStateChanged(
                        UUID.randomUUID().toString(), Instant.now(), poisonId, 1, withoutPlate))
                .get();
        insuredVehicle("KT-303-AA", false, today.plusMonths(6));

        await().atMost(WAIT).until(() -> !records(Topics.VEHICLE_STATE + Topics.DEAD_LETTER_SUFFIX, poisonId).isEmpty());
        awaitVerdict("KT-302-AA", "OK");
        awaitVerdict("KT-303-AA", "OK");
        assertThat(records(Topics.VEHICLE_STATE + Topics.DEAD_LETTER_SUFFIX, poisonId)).hasSize(1);
    }

    @Test
    void aReadingWithoutRequestIdIsDeadLetteredWhileADatabaseOutageIsRetriedUntilItEnds() throws Exception {
        insuredVehicle("KT-401-AA", false, today.plusMonths(6));
        awaitVerdict("KT-401-AA", "OK");
        MvcResult accepted = mvc.perform(multipart("/api/checks")
                        .file(new MockMultipartFile("photo", "plate.jpg", "image/jpeg", JPEG)))
                .andExpect(status().isAccepted())
                .andReturn();
        String checkId = mapper.readTree(accepted.getResponse().getContentAsString()).get("id").stringValue();
        // more failures than the retries a failure of unknown kind gets before the dead letters
        BeanFaults.Fault outage = faults.fail(CheckService.class, "completeFromReading",
                args -> args[0] instanceof PlateRead read && checkId.equals(read.requestId()), 4,
                () -> new DataAccessResourceFailureException("MongoDB unavailable"));

        String poisonKey = "no-request-" + UUID.randomUUID();
        json.send(Topics.PLATE_READ, poisonKey, new PlateRead(
                        UUID.randomUUID().toString(), Instant.now(), null, true, null, List.of(), "ppocr-v4", 10))
                .get();
        json.send(Topics.PLATE_READ, checkId, new PlateRead(
                        UUID.randomUUID().toString(), Instant.now(), checkId, true, null,
                        List.of(new PlateRead.PlateCandidate("KT-401-AA", 0.95, null)), "ppocr-v4", 100))
                .get();

        await().atMost(WAIT).until(() -> !records(Topics.PLATE_READ + Topics.DEAD_LETTER_SUFFIX, poisonKey).isEmpty());
        await().atMost(WAIT).untilAsserted(() -> mvc.perform(get("/api/checks/" + checkId))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.verdict").value("OK")));
        assertThat(outage.calls()).isGreaterThanOrEqualTo(5);
        assertThat(records(Topics.PLATE_READ + Topics.DEAD_LETTER_SUFFIX, checkId)).isEmpty();
    }

    // --- helpers --------------------------------------------------------------------------------

    /** Outages of {@link CheckService}, planned mid-test while its consumers run (see {@link BeanFaults}). */
    static class CheckServiceFaults extends BeanFaults {
        CheckServiceFaults() {
            super(CheckService.class);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Waits until the service's consumer group has committed past {@code offset}. */
    private void awaitConsumed(TopicPartition partition, long offset) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            await().atMost(WAIT).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("verification-service")
                        .partitionsToOffsetAndMetadata()
                        .get();
                return Optional.ofNullable(committed.get(partition))
                        .map(o -> o.offset() > offset)
                        .orElse(false);
            });
        }
    }
}
