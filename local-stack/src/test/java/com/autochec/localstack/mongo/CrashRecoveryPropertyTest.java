package com.autochec.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.bson.Document;

/**
 * The store against a model: random inserts, updates, deletes, index creations, checkpoints, clean restarts and
 * crashes (the server abandoned without a snapshot or a close, its journal's last record optionally torn at a
 * random byte), through the real MongoDB driver; after each restart the store must hold exactly the model:
 * every acknowledged write, nothing else.
 */
class CrashRecoveryPropertyTest {

    sealed interface Op permits Insert, Update, Delete, DeleteWhere, CreateIndex, Checkpoint, Restart, Crash {
    }

    record Insert(int id, int a, int b) implements Op {
    }

    record Update(int id, int a) implements Op {
    }

    record Delete(int id) implements Op {
    }

    record DeleteWhere(int a) implements Op {
    }

    record CreateIndex(boolean compound) implements Op {
    }

    record Checkpoint() implements Op {
    }

    record Restart() implements Op {
    }

    /** {@code tornAt} in [0, 1): where to cut the journal's last record (a write that never completed); -1: no tear. */
    record Crash(double tornAt) implements Op {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> ids = Arbitraries.integers().between(0, 15);
        Arbitrary<Integer> values = Arbitraries.integers().between(0, 4);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                Tuple(8, Combinators.combine(ids, values, values).as(Insert::new)),
                Tuple(5, Combinators.combine(ids, values).as(Update::new)),
                Tuple(3, ids.map(Delete::new)),
                Tuple(1, values.map(DeleteWhere::new)),
                Tuple(1, Arbitraries.of(true, false).map(CreateIndex::new)),
                Tuple(1, Arbitraries.just(new Checkpoint())),
                Tuple(1, Arbitraries.just(new Restart())),
                Tuple(2, Arbitraries.oneOf(Arbitraries.just(-1.0), Arbitraries.doubles().between(0, 0.999).ofScale(3))
                        .map(Crash::new)));
        return op.list().ofMinSize(1).ofMaxSize(40);
    }

    private static net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends Op>> Tuple(int weight, Arbitrary<? extends Op> op) {
        return net.jqwik.api.Tuple.of(weight, op);
    }

    @Property(tries = 40, shrinking = ShrinkingMode.BOUNDED)
    void theStoreHoldsEveryAcknowledgedWriteAndNothingElse(@ForAll("operations") List<Op> ops) throws Exception {
        Path data = Files.createTempDirectory("store-model");
        Map<Integer, Document> model = new TreeMap<>();
        Running running = Running.start(data);
        try {
            for (Op op : ops) {
                MongoCollection<Document> things = running.things();
                if (op instanceof Insert insert) {
                    Document document = new Document("_id", insert.id()).append("a", insert.a()).append("b", insert.b());
                    try {
                        things.insertOne(document);
                        assertThat(model).doesNotContainKey(insert.id());
                        model.put(insert.id(), document);
                    } catch (MongoWriteException duplicate) {
                        assertThat(model).containsKey(insert.id());
                    }
                } else if (op instanceof Update update) {
                    things.updateOne(Filters.eq("_id", update.id()), Updates.set("a", update.a()));
                    Document current = model.get(update.id());
                    if (current != null) {
                        current.put("a", update.a());
                    }
                } else if (op instanceof Delete delete) {
                    things.deleteOne(Filters.eq("_id", delete.id()));
                    model.remove(delete.id());
                } else if (op instanceof DeleteWhere where) {
                    things.deleteMany(Filters.eq("a", where.a()));
                    model.values().removeIf(document -> document.getInteger("a") == where.a());
                } else if (op instanceof CreateIndex index) {
                    things.createIndex(index.compound() ? Indexes.ascending("a", "b") : Indexes.ascending("a"));
                } else if (op instanceof Checkpoint) {
                    running.server().snapshotIfChanged();
                } else if (op instanceof Restart) {
                    running.stop();
                    running = Running.start(data);
                    assertHolds(running, model);
                } else if (op instanceof Crash crash) {
                    if (crash.tornAt() >= 0) {
                        // A last write cut mid-record by the crash (never acknowledged in reality): not in the model.
                        Path segment = lastSegment(running.server().journalDirectory());
                        long before = Files.size(segment);
                        things.insertOne(new Document("_id", 1000).append("a", 0).append("b", 0));
                        long after = Files.size(segment);
                        long cut = before + (long) Math.floor(crash.tornAt() * (after - before));
                        running.abandon();
                        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
                            file.setLength(Math.min(cut, after - 1));
                        }
                    } else {
                        running.abandon();
                    }
                    running = Running.start(data);
                    assertHolds(running, model);
                }
            }
            running.stop();
            running = Running.start(data);
            assertHolds(running, model);
        } finally {
            running.stop();
            deleteRecursively(data);
        }
    }

    private static void assertHolds(Running running, Map<Integer, Document> model) {
        List<Document> stored = running.things().find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
        assertThat(stored).containsExactlyElementsOf(model.values());
        for (int a = 0; a <= 4; a++) {
            int value = a;
            assertThat(running.things().countDocuments(Filters.eq("a", a)))
                    .isEqualTo(model.values().stream().filter(d -> d.getInteger("a") == value).count());
        }
    }

    private static Path lastSegment(Path journal) throws IOException {
        List<Path> segments = WriteAheadJournal.segments(journal);
        return segments.get(segments.size() - 1);
    }

    record Running(PersistentMongoServer server, MongoClient client) {

        static Running start(Path data) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            PersistentMongoServer server = new PersistentMongoServer(data);
            server.start("127.0.0.1", port, Duration.ofHours(1));
            return new Running(server, MongoClients.create("mongodb://127.0.0.1:" + port));
        }

        MongoCollection<Document> things() {
            return client.getDatabase("model").getCollection("things");
        }

        void abandon() {
            client.close();
            server.abandon();
        }

        void stop() {
            client.close();
            server.stop();
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
