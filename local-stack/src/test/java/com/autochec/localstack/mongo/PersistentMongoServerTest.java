package com.autochec.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentMongoServerTest {

    @TempDir
    Path data;

    @Test
    void documentsAndUniqueIndexesSurviveARestart() throws Exception {
        int port = freePort();
        PersistentMongoServer first = new PersistentMongoServer(data);
        first.start("127.0.0.1", port, Duration.ofHours(1));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> vehicles = client.getDatabase("autochec-vehicle").getCollection("vehicles");
            vehicles.createIndex(Indexes.ascending("plate"), new IndexOptions().unique(true).name("plate_unique"));
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                batch.add(new Document("_id", "v" + i).append("plate", "AB-%03d-CD".formatted(i))
                        .append("year", 2000 + i % 25).append("owner", new Document("name", "Odile Martin"))
                        .append("registeredAt", java.util.Date.from(Instant.parse("2024-01-02T03:04:05Z"))));
            }
            vehicles.insertMany(batch);
            client.getDatabase("autochec-audit").getCollection("entries").insertOne(new Document("plate", "AB-123-CD"));
        }
        first.stop();
        assertThat(data.resolve("mongo.snapshot")).exists();
        assertThat(data.resolve("mongo.snapshot.tmp")).doesNotExist();

        int secondPort = freePort();
        PersistentMongoServer second = new PersistentMongoServer(data);
        second.start("127.0.0.1", secondPort, Duration.ofHours(1));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + secondPort)) {
            MongoCollection<Document> vehicles = client.getDatabase("autochec-vehicle").getCollection("vehicles");
            assertThat(vehicles.countDocuments()).isEqualTo(500);
            Document restored = vehicles.find(new Document("_id", "v42")).first();
            assertThat(restored).isNotNull();
            assertThat(restored.getString("plate")).isEqualTo("AB-042-CD");
            assertThat(restored.get("owner", Document.class).getString("name")).isEqualTo("Odile Martin");
            assertThat(restored.getDate("registeredAt")).isEqualTo(java.util.Date.from(Instant.parse("2024-01-02T03:04:05Z")));
            assertThat(client.getDatabase("autochec-audit").getCollection("entries").countDocuments()).isEqualTo(1);
            assertThatThrownBy(() -> vehicles.insertOne(new Document("_id", "dup").append("plate", "AB-042-CD")))
                    .isInstanceOf(MongoWriteException.class);
        } finally {
            second.stop();
        }
    }

    @Test
    void noSnapshotIsWrittenWhenNothingChanged() throws Exception {
        PersistentMongoServer server = new PersistentMongoServer(data);
        server.start("127.0.0.1", freePort(), Duration.ofHours(1));
        server.stop();
        assertThat(data.resolve("mongo.snapshot")).doesNotExist();
    }

    @Test
    void commandsThatChangeNothingMakeNoSnapshotDue() throws Exception {
        PersistentMongoServer first = new PersistentMongoServer(data);
        int port = freePort();
        first.start("127.0.0.1", port, Duration.ofHours(1));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            MongoCollection<Document> vehicles = client.getDatabase("autochec-vehicle").getCollection("vehicles");
            vehicles.createIndex(Indexes.ascending("plate"), new IndexOptions().unique(true).name("plate_unique"));
            vehicles.insertOne(new Document("_id", "v1").append("plate", "AB-123-CD"));
        } finally {
            first.stop();
        }
        Path snapshot = data.resolve("mongo.snapshot");
        byte[] before = Files.readAllBytes(snapshot);
        FileTime writtenAt = Files.getLastModifiedTime(snapshot);

        PersistentMongoServer second = new PersistentMongoServer(data);
        int secondPort = freePort();
        second.start("127.0.0.1", secondPort, Duration.ofHours(1));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + secondPort)) {
            // What a service does at startup: its indexes exist already, its outbox poll matches nothing.
            MongoCollection<Document> vehicles = client.getDatabase("autochec-vehicle").getCollection("vehicles");
            vehicles.createIndex(Indexes.ascending("plate"), new IndexOptions().unique(true).name("plate_unique"));
            vehicles.updateMany(Filters.eq("plate", "ZZ-999-ZZ"), Updates.set("stolen", true));
            vehicles.updateOne(Filters.eq("_id", "v1"), Updates.set("plate", "AB-123-CD"));
            vehicles.deleteMany(Filters.eq("plate", "ZZ-999-ZZ"));
            vehicles.findOneAndUpdate(Filters.eq("plate", "ZZ-999-ZZ"), Updates.set("stolen", true));
            second.snapshotIfChanged();
            assertThat(Files.getLastModifiedTime(snapshot)).isEqualTo(writtenAt);

            vehicles.updateOne(Filters.eq("_id", "v1"), Updates.set("stolen", true));
            second.snapshotIfChanged();
            assertThat(Files.readAllBytes(snapshot)).isNotEqualTo(before);
        } finally {
            second.stop();
        }
    }

    @Test
    void aSnapshotAfterAChangeToOneCollectionStillHoldsTheOthers() throws Exception {
        PersistentMongoServer first = new PersistentMongoServer(data);
        int port = freePort();
        first.start("127.0.0.1", port, Duration.ofHours(1));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            client.getDatabase("autochec-vehicle").getCollection("vehicles")
                    .insertMany(List.of(new Document("_id", "v1").append("plate", "AB-123-CD"),
                            new Document("_id", "v2").append("plate", "EF-456-GH")));
            client.getDatabase("autochec-audit").getCollection("entries").insertOne(new Document("_id", "e1"));
        } finally {
            first.stop();
        }

        PersistentMongoServer second = new PersistentMongoServer(data);
        int secondPort = freePort();
        second.start("127.0.0.1", secondPort, Duration.ofHours(1));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + secondPort)) {
            MongoCollection<Document> entries = client.getDatabase("autochec-audit").getCollection("entries");
            entries.insertOne(new Document("_id", "e2"));
            second.snapshotIfChanged();   // vehicles: written again from what was loaded
            client.getDatabase("autochec-vehicle").getCollection("vehicles")
                    .updateOne(Filters.eq("_id", "v2"), Updates.set("stolen", true));
            second.snapshotIfChanged();   // entries: written again from the previous snapshot
            client.getDatabase("autochec-report").getCollection("reports").insertOne(new Document("_id", "r1"));
            client.getDatabase("autochec-report").drop();
        } finally {
            second.stop();
        }

        PersistentMongoServer third = new PersistentMongoServer(data);
        int thirdPort = freePort();
        third.start("127.0.0.1", thirdPort, Duration.ofHours(1));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + thirdPort)) {
            MongoCollection<Document> vehicles = client.getDatabase("autochec-vehicle").getCollection("vehicles");
            assertThat(vehicles.countDocuments()).isEqualTo(2);
            assertThat(vehicles.find(Filters.eq("_id", "v2")).first().getBoolean("stolen")).isTrue();
            assertThat(client.getDatabase("autochec-audit").getCollection("entries").countDocuments()).isEqualTo(2);
            assertThat(client.listDatabaseNames().into(new ArrayList<>())).doesNotContain("autochec-report");
        } finally {
            third.stop();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
