package com.autochec.verification.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.contracts.document.DocumentStateChanged;
import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.vehicle.OwnerSnapshot;
import com.autochec.contracts.vehicle.VehicleSnapshot;
import com.autochec.contracts.vehicle.VehicleStateChanged;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** The projector against the MongoDB wire server: version rule, deletes, plates moving, bulk size. */
class ReadModelProjectorTest {

    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private ReadModelProjector projector;
    private ReadModel readModel;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        var factory = new SimpleMongoClientDatabaseFactory(client, "test");
        var conversions = MongoCustomConversions.create(c -> c.useNativeDriverJavaTimeCodecs());
        var context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        var converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        mongo = new MongoTemplate(factory, converter);
        projector = new ReadModelProjector(mongo, Clock.fixed(NOW, ZoneOffset.UTC));
        readModel = new ReadModel(mongo);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static VehicleStateChanged vehicle(String id, long version, String plate, String vin, String colour) {
        return new VehicleStateChanged(
                "evt-" + id + "-" + version,
                NOW,
                id,
                version,
                new VehicleSnapshot(
                        id, plate, vin, "Renault", "Clio", "V", 2020, colour, "M1", "petrol", 5, 67,
                        LocalDate.parse("2020-05-01"), false,
                        new OwnerSnapshot("o1", "PERSON", "Odile Martin", "12 rue des Lilas", "69003", "Lyon",
                                "odile@example.org", "acc-1")));
    }

    private static DocumentStateChanged document(String id, long version, String vin, boolean deleted) {
        return new DocumentStateChanged(
                "evt-" + id + "-" + version, NOW, id, version, vin, "AB-123-CD", DocumentType.INSURANCE,
                DocumentStatus.VALIDATED, "MAAF", "POL-" + version, LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"), null, deleted);
    }

    @Test
    void newerVersionsReplaceAndOlderOrRedeliveredOnesChangeNothing() {
        projector.applyVehicles(List.of(vehicle("v1", 2, "AB-123-CD", "VIN00000000000001", "grey")));
        projector.applyVehicles(List.of(vehicle("v1", 1, "AB-123-CD", "VIN00000000000001", "red")));
        projector.applyVehicles(List.of(vehicle("v1", 2, "AB-123-CD", "VIN00000000000001", "blue")));
        assertThat(vehicle("AB-123-CD")).get().satisfies(v -> {
            assertThat(v.colour()).isEqualTo("grey");
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.firstRegistration()).isEqualTo(LocalDate.parse("2020-05-01"));
            assertThat(v.owner().town()).isEqualTo("Lyon");
        });

        projector.applyVehicles(List.of(vehicle("v1", 3, "AB-123-CD", "VIN00000000000001", "black")));
        assertThat(vehicle("AB-123-CD")).get().extracting(VehicleRecord::colour).isEqualTo("black");
    }

    @Test
    void withinABatchOnlyTheNewestStateOfAVehicleCounts() {
        projector.applyVehicles(List.of(
                vehicle("v1", 5, "AB-123-CD", "VIN00000000000001", "green"),
                vehicle("v1", 4, "AB-123-CD", "VIN00000000000001", "red")));
        assertThat(vehicle("AB-123-CD")).get().extracting(VehicleRecord::colour).isEqualTo("green");
    }

    @Test
    void aNullVehicleDeletesIt() {
        projector.applyVehicles(List.of(vehicle("v1", 1, "AB-123-CD", "VIN00000000000001", "grey")));
        projector.applyVehicles(List.of(new VehicleStateChanged("e", NOW, "v1", 2, null)));
        assertThat(vehicle("AB-123-CD")).isEmpty();
        assertThat(mongo.findById("AB-123-CD", PlateRecord.class).vehicle()).isNull();
    }

    @Test
    void aPlateThatMovedToAnotherVehicleFollowsTheNewerState() {
        projector.applyVehicles(List.of(vehicle("v1", 1, "AB-123-CD", "VIN00000000000001", "grey")));
        // v2 got the plate; v1's own re-plating has not arrived yet (other partition)
        projector.applyVehicles(List.of(vehicle("v2", 1, "AB-123-CD", "VIN00000000000002", "red")));
        assertThat(vehicle("AB-123-CD")).get().extracting(VehicleRecord::vehicleId).isEqualTo("v2");
        projector.applyVehicles(List.of(vehicle("v1", 2, "EF-456-GH", "VIN00000000000001", "grey")));
        assertThat(vehicle("EF-456-GH")).get().extracting(VehicleRecord::vehicleId).isEqualTo("v1");
        assertThat(vehicle("AB-123-CD")).get().extracting(VehicleRecord::vehicleId).isEqualTo("v2");
    }

    private java.util.Optional<VehicleRecord> vehicle(String plate) {
        return readModel.byPlate(plate).map(PlateRecord::vehicle);
    }

    private List<String> documentIds(String plate) {
        return readModel.byPlate(plate).map(p -> p.documents().stream().map(DocumentRecord::documentId).toList())
                .orElse(List.of());
    }

    @Test
    void documentsFollowTheSameVersionRuleAndDeletedRemoves() {
        projector.applyVehicles(List.of(vehicle("v1", 1, "AB-123-CD", "VIN1", "grey")));
        projector.applyDocuments(List.of(document("d1", 2, "VIN1", false), document("d2", 1, "VIN1", false)));
        projector.applyDocuments(List.of(document("d1", 1, "VIN1", false)));
        assertThat(readModel.byPlate("AB-123-CD").orElseThrow().documents())
                .extracting(DocumentRecord::documentId, DocumentRecord::reference)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("d1", "POL-2"), org.assertj.core.groups.Tuple.tuple("d2", "POL-1"));
        projector.applyDocuments(List.of(document("d2", 2, "VIN1", true)));
        assertThat(documentIds("AB-123-CD")).containsExactly("d1");
    }

    @Test
    void documentsPublishedBeforeTheirVehicleJoinItWhenItArrives() {
        projector.applyDocuments(List.of(document("d1", 1, "VIN1", false)));
        assertThat(readModel.byPlate("AB-123-CD")).isEmpty();
        projector.applyVehicles(List.of(vehicle("v1", 1, "AB-123-CD", "VIN1", "grey")));
        assertThat(documentIds("AB-123-CD")).containsExactly("d1");
    }

    @Test
    void aVehicleChangingPlateTakesItsDocumentsAndLeavesNothingUnderTheOldPlate() {
        projector.applyVehicles(List.of(vehicle("v1", 1, "AB-123-CD", "VIN1", "grey")));
        projector.applyDocuments(List.of(document("d1", 1, "VIN1", false)));
        projector.applyVehicles(List.of(vehicle("v1", 2, "EF-456-GH", "VIN1", "grey")));
        assertThat(readModel.byPlate("AB-123-CD")).isEmpty();
        assertThat(documentIds("EF-456-GH")).containsExactly("d1");
        // a replay of the old state (compacted topic read again) changes nothing
        projector.applyVehicles(List.of(vehicle("v1", 1, "AB-123-CD", "VIN1", "grey")));
        assertThat(readModel.byPlate("AB-123-CD")).isEmpty();
    }

    @Test
    void aDocumentMovedToAnotherVehicleLeavesTheFirst() {
        projector.applyVehicles(List.of(
                vehicle("v1", 1, "AB-123-CD", "VIN1", "grey"), vehicle("v2", 1, "EF-456-GH", "VIN2", "red")));
        projector.applyDocuments(List.of(document("d1", 1, "VIN1", false)));
        projector.applyDocuments(List.of(document("d1", 2, "VIN2", false)));
        assertThat(documentIds("AB-123-CD")).isEmpty();
        assertThat(documentIds("EF-456-GH")).containsExactly("d1");
        // a compaction tombstone (deleted, whatever the version) removes it
        projector.applyDocuments(List.of(new DocumentStateChanged(
                null, null, "d1", Long.MAX_VALUE, null, null, null, null, null, null, null, null, null, true)));
        assertThat(documentIds("EF-456-GH")).isEmpty();
    }

    @Test
    void aRebuildThatLostARaceIsDoneAgainFromTheNewestSources() {
        projector.applyVehicles(List.of(vehicle("v1", 1, "AB-123-CD", "VIN1", "grey")));
        long before = mongo.findById("AB-123-CD", PlateRecord.class).revision();
        // while this rebuild reads its sources, another one (stale, without d1) writes the plate first
        MongoTemplate racing = org.mockito.Mockito.spy(mongo);
        boolean[] raced = {false};
        org.mockito.Mockito.doAnswer(call -> {
                    if (!raced[0]) {
                        raced[0] = true;
                        PlateRecord current = mongo.findById("AB-123-CD", PlateRecord.class);
                        mongo.save(new PlateRecord("AB-123-CD", current.revision() + 1, current.vehicle(), List.of(), NOW));
                    }
                    return call.callRealMethod();
                })
                .when(racing)
                .find(org.mockito.ArgumentMatchers.any(org.springframework.data.mongodb.core.query.Query.class),
                        org.mockito.ArgumentMatchers.eq(VehicleRecord.class));
        new ReadModelProjector(racing, Clock.fixed(NOW, ZoneOffset.UTC))
                .applyDocuments(List.of(document("d1", 1, "VIN1", false)));
        assertThat(raced[0]).isTrue();
        assertThat(documentIds("AB-123-CD")).containsExactly("d1");
        assertThat(mongo.findById("AB-123-CD", PlateRecord.class).revision()).isEqualTo(before + 2);
    }

    @Test
    void largeBatchesAreWrittenInBulk() {
        List<VehicleStateChanged> batch = new ArrayList<>();
        IntStream.range(0, 1000)
                .forEach(i -> batch.add(vehicle(
                        "v" + i, 1, String.format("AA-%03d-BB", i), String.format("VIN%014d", i), "grey")));
        projector.applyVehicles(batch);
        projector.applyVehicles(batch); // a replay of the whole batch changes nothing
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), VehicleRecord.class))
                .isEqualTo(1000);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), PlateRecord.class))
                .isEqualTo(1000);
        assertThat(readModel.byPlates(List.of("AA-007-BB", "AA-999-BB", "ZZ-000-ZZ")))
                .extracting(p -> p.vehicle().vehicleId())
                .containsExactlyInAnyOrder("v7", "v999");
    }
}
