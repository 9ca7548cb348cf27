package com.autochec.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery cases the property tests do not generate: a snapshot of the first format ({@code ACMSNAP1}),
 * {@code renameCollection} replayed from the journal, and indexes on dotted paths ({@code a.b}) rebuilt
 * after a crash.
 */
class RecoveryEdgeCasesTest {

    @TempDir
    Path data;

    /**
     * The first format as its writer (before the journal, commit 73af368^) wrote it: the magic, then per
     * collection a header {@code {db, collection, indexes, count}} (no {@code lsn}, no file header) followed
     * by the documents; non-unique indexes described as sparse.
     */
    private void writeFirstFormatSnapshot() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("ACMSNAP1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        List<de.bwaldvogel.mongo.bson.Document> indexes = List.of(
                new de.bwaldvogel.mongo.bson.Document("v", 2).append("key", new de.bwaldvogel.mongo.bson.Document("vin", 1))
                        .append("name", "vin_1").append("ns", "autochec-vehicle.vehicles").append("sparse", true),
                new de.bwaldvogel.mongo.bson.Document("v", 2).append("unique", true)
                        .append("key", new de.bwaldvogel.mongo.bson.Document("plate", 1)).append("name", "plate_unique")
                        .append("ns", "autochec-vehicle.vehicles"));
        List<de.bwaldvogel.mongo.bson.Document> vehicles = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            de.bwaldvogel.mongo.bson.Document vehicle = new de.bwaldvogel.mongo.bson.Document("_id", "v" + i)
                    .append("plate", "AB-%03d-CD".formatted(i));
            if (i != 19) { // one vehicle without a vin: the index must not be sparse after loading
                vehicle.append("vin", "VF1" + (i % 5));
            }
            vehicles.add(vehicle);
        }
        out.write(SnapshottingMemoryBackend.encode(new de.bwaldvogel.mongo.bson.Document("db", "autochec-vehicle")
                .append("collection", "vehicles").append("indexes", indexes).append("count", vehicles.size())));
        for (de.bwaldvogel.mongo.bson.Document vehicle : vehicles) {
            out.write(SnapshottingMemoryBackend.encode(vehicle));
        }
        out.write(SnapshottingMemoryBackend.encode(new de.bwaldvogel.mongo.bson.Document("db", "autochec-audit")
                .append("collection", "entries").append("indexes", List.of()).append("count", 1)));
        out.write(SnapshottingMemoryBackend.encode(new de.bwaldvogel.mongo.bson.Document("_id", 1).append("what", "old")));
        Files.createDirectories(data);
        Files.write(data.resolve("mongo.snapshot"), out.toByteArray());
    }

    @Test
    void aSnapshotOfTheFirstFormatLoadsAndIsRewrittenInTheNewOne() throws Exception {
        writeFirstFormatSnapshot();
        PersistentMongoServer first = new PersistentMongoServer(data);
        int port = freePort();
        first.start("127.0.0.1", port, Duration.ofHours(1));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> vehicles = client.getDatabase("autochec-vehicle").getCollection("vehicles");
            assertThat(vehicles.countDocuments()).isEqualTo(20);
            assertThat(vehicles.find(Filters.eq("vin", "VF13")).explain().get("queryPlanner", Document.class)
                    .get("winningPlan", Document.class).getString("stage")).isEqualTo("IXSCAN");
            assertThat(vehicles.countDocuments(Filters.eq("vin", "VF13"))).isEqualTo(4);
            assertThat(vehicles.countDocuments(Filters.eq("vin", null))).as("not sparse: the missing vin too")
                    .isEqualTo(1);
            assertThatThrownBy(() -> vehicles.insertOne(new Document("_id", "dup").append("plate", "AB-003-CD")))
                    .isInstanceOf(MongoWriteException.class);
            vehicles.insertOne(new Document("_id", "v20").append("plate", "AB-020-CD").append("vin", "VF13"));
            assertThat(client.getDatabase("autochec-audit").getCollection("entries").find().first().getString("what"))
                    .isEqualTo("old");
        }
        first.stop();
        assertThat(new String(Files.readAllBytes(data.resolve("mongo.snapshot")), 0, 8,
                java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ACMSNAP2");

        PersistentMongoServer second = new PersistentMongoServer(data);
        int secondPort = freePort();
        second.start("127.0.0.1", secondPort, Duration.ofHours(1));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + secondPort)) {
            MongoCollection<Document> vehicles = client.getDatabase("autochec-vehicle").getCollection("vehicles");
            assertThat(vehicles.countDocuments(Filters.eq("vin", "VF13"))).isEqualTo(5);
            assertThat(vehicles.countDocuments()).isEqualTo(21);
        } finally {
            second.stop();
        }
    }

    @Test
    void renameCollectionIsReplayedFromTheJournal() throws Exception {
        int port = freePort();
        PersistentMongoServer first = new PersistentMongoServer(data);
        first.start("127.0.0.1", port, Duration.ofHours(1));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoDatabase db = client.getDatabase("autochec-verification");
            db.getCollection("drafts").createIndex(Indexes.ascending("vin"));
            db.getCollection("drafts").insertOne(new Document("_id", 1).append("vin", "VF1A"));
            db.getCollection("untouched").insertOne(new Document("_id", "u"));
            first.snapshotIfChanged(); // the snapshot holds "drafts"; the rename is only in the journal
            db.getCollection("drafts").insertOne(new Document("_id", 2).append("vin", "VF1B"));
            db.getCollection("drafts").renameCollection(new MongoNamespace("autochec-verification", "checks"));
            db.getCollection("checks").insertOne(new Document("_id", 3).append("vin", "VF1A"));
            db.getCollection("checks").updateOne(Filters.eq("_id", 1), Updates.set("status", "VALID"));
        }
        first.abandon(); // a crash: no last snapshot

        PersistentMongoServer second = new PersistentMongoServer(data);
        int secondPort = freePort();
        second.start("127.0.0.1", secondPort, Duration.ofHours(1));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + secondPort)) {
            MongoDatabase db = client.getDatabase("autochec-verification");
            assertThat(db.listCollectionNames().into(new ArrayList<>())).contains("checks", "untouched")
                    .doesNotContain("drafts");
            MongoCollection<Document> checks = db.getCollection("checks");
            assertThat(checks.find().into(new ArrayList<>())).extracting(d -> d.get("_id")).containsExactlyInAnyOrder(1, 2, 3);
            assertThat(checks.find(Filters.eq("_id", 1)).first().getString("status")).isEqualTo("VALID");
            assertThat(checks.countDocuments(Filters.eq("vin", "VF1A"))).isEqualTo(2);
            assertThat(checks.find(Filters.eq("vin", "VF1A")).explain().get("queryPlanner", Document.class)
                    .get("winningPlan", Document.class).getString("stage")).as("the index moved with the collection")
                    .isEqualTo("IXSCAN");
        } finally {
            second.stop();
        }
    }

    @Test
    void anIndexOnADottedPathIsMaintainedAndRebuiltAfterACrash() throws Exception {
        int port = freePort();
        PersistentMongoServer first = new PersistentMongoServer(data);
        first.start("127.0.0.1", port, Duration.ofHours(1));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> docs = client.getDatabase("autochec-document").getCollection("documents");
            docs.createIndex(Indexes.ascending("owner.vin"));
            docs.insertOne(new Document("_id", 1).append("owner", new Document("vin", "VF1A")));
            docs.insertOne(new Document("_id", 2).append("owner", List.of(new Document("vin", "VF1B"), new Document("vin", "VF1C"))));
            docs.insertOne(new Document("_id", 3).append("owner", "not a document"));
            docs.insertOne(new Document("_id", 4));
            docs.insertOne(new Document("_id", 5).append("owner", new Document("vin", "VF1A")));
            first.snapshotIfChanged();
            docs.updateOne(Filters.eq("_id", 5), Updates.set("owner.vin", "VF1C"));
            docs.insertOne(new Document("_id", 6).append("owner", new Document("vin", "VF1A").append("name", "x")));
            assertDotted(docs);
        }
        first.abandon();

        PersistentMongoServer second = new PersistentMongoServer(data);
        int secondPort = freePort();
        second.start("127.0.0.1", secondPort, Duration.ofHours(1));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + secondPort)) {
            assertDotted(client.getDatabase("autochec-document").getCollection("documents"));
        } finally {
            second.stop();
        }
    }

    private static void assertDotted(MongoCollection<Document> docs) {
        assertThat(ids(docs, Filters.eq("owner.vin", "VF1A"))).containsExactlyInAnyOrder(1, 6);
        assertThat(ids(docs, Filters.eq("owner.vin", "VF1C"))).containsExactlyInAnyOrder(2, 5);
        assertThat(ids(docs, Filters.in("owner.vin", "VF1B", "VF1A"))).containsExactlyInAnyOrder(1, 2, 6);
        assertThat(docs.find(Filters.eq("owner.vin", "VF1C")).explain().get("queryPlanner", Document.class)
                .get("winningPlan", Document.class).getString("stage")).isEqualTo("IXSCAN");
    }

    private static List<Object> ids(MongoCollection<Document> docs, org.bson.conversions.Bson filter) {
        List<Object> ids = new ArrayList<>();
        for (Document document : docs.find(filter)) {
            ids.add(document.get("_id"));
        }
        return ids;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
