package com.autochec.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ExplainVerbosity;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bson.Document;

/**
 * Indexed queries return what a full scan returns, for random data (numbers of several types, strings,
 * null, missing fields, arrays) and random queries (equality, {@code $in}, compound prefix, range on the next
 * field), and a query with an equality on the first indexed field is served by an index.
 */
class IndexedQueryPropertyTest {

    private static final Object MISSING = new Object();
    private static Path data;
    private static PersistentMongoServer server;
    private static MongoClient client;

    @BeforeContainer
    static void start() throws Exception {
        data = Files.createTempDirectory("store-index");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new PersistentMongoServer(data);
        server.start("127.0.0.1", port, Duration.ofHours(1));
        client = MongoClients.create("mongodb://127.0.0.1:" + port);
    }

    @AfterContainer
    static void stop() throws Exception {
        client.close();
        server.abandon();
        CrashRecoveryPropertyTest.deleteRecursively(data);
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 3).map(i -> (Object) i)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 3).map(l -> (Object) l)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0.0, 1.0, 2.5).map(d -> (Object) d)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("x", "y", "").map(s -> (Object) s)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((Object) null)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(MISSING)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 3).list().ofMaxSize(3).map(l -> (Object) l)));
    }

    @Provide
    Arbitrary<List<Document>> documents() {
        return Combinators.combine(values(), values()).as((a, b) -> {
            Document document = new Document();
            if (a != MISSING) {
                document.put("a", a);
            }
            if (b != MISSING) {
                document.put("b", b);
            }
            return document;
        }).list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<Object> plainValues() {
        return Arbitraries.of(0, 1, 2, 3, 1L, 2.5, "x", "y", "").map(v -> (Object) v)
                .injectNull(0.1);
    }

    @Provide
    Arbitrary<Document> queries() {
        Arbitrary<Document> equality = plainValues().map(v -> new Document("a", v));
        Arbitrary<Document> in = plainValues().list().ofMaxSize(3).map(vs -> new Document("a", new Document("$in", vs)));
        Arbitrary<Document> compound = Combinators.combine(plainValues(), plainValues())
                .as((a, b) -> new Document("a", a).append("b", b));
        Arbitrary<Document> prefixAndRange = Combinators.combine(plainValues(), Arbitraries.integers().between(-1, 4),
                Arbitraries.of("$gt", "$gte", "$lt", "$lte")).as((a, bound, op) ->
                        new Document("a", a).append("b", new Document(op, bound)));
        Arbitrary<Document> range = Combinators.combine(Arbitraries.integers().between(-1, 4),
                Arbitraries.integers().between(-1, 4)).as((low, high) ->
                        new Document("a", new Document("$gte", low).append("$lt", high)));
        Arbitrary<Document> stringRange = Arbitraries.of("", "x", "y").map(s -> new Document("a", new Document("$gt", s)));
        return Arbitraries.oneOf(equality, in, compound, prefixAndRange, range, stringRange);
    }

    @Property(tries = 200)
    void indexedQueriesReturnWhatAFullScanReturns(@ForAll("documents") List<Document> documents,
            @ForAll("queries") Document query, @ForAll boolean compoundIndex) {
        MongoCollection<Document> plain = client.getDatabase("property").getCollection("plain");
        MongoCollection<Document> indexed = client.getDatabase("property").getCollection("indexed");
        plain.drop();
        indexed.drop();
        if (compoundIndex) {
            indexed.createIndex(Indexes.ascending("a", "b"));
        } else {
            indexed.createIndex(Indexes.ascending("a"));
            indexed.createIndex(Indexes.ascending("b"));
        }
        List<Document> copies = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Document document = new Document("_id", i);
            document.putAll(documents.get(i));
            copies.add(document);
        }
        if (!copies.isEmpty()) {
            plain.insertMany(copies);
            // half inserted, half updated into place: the index must follow updates too
            List<Document> changed = new ArrayList<>();
            for (Document document : copies) {
                changed.add(new Document("_id", document.get("_id")).append("a", "placeholder"));
            }
            indexed.insertMany(changed);
            for (Document document : copies) {
                indexed.replaceOne(new Document("_id", document.get("_id")), document);
            }
        }

        List<Object> scanned = ids(plain, query);
        List<Object> viaIndex = ids(indexed, query);
        assertThat(viaIndex).as("query %s", query).isEqualTo(scanned);

        Document explained = indexed.find(query).explain(ExplainVerbosity.EXECUTION_STATS);
        Document plan = explained.get("queryPlanner", Document.class).get("winningPlan", Document.class);
        assertThat(plan.getString("stage")).isEqualTo("IXSCAN");
        Number examined = explained.get("executionStats", Document.class).get("totalDocsExamined", Number.class);
        assertThat(examined.longValue()).isGreaterThanOrEqualTo(viaIndex.size()).isLessThanOrEqualTo(copies.size());
    }

    private static List<Object> ids(MongoCollection<Document> collection, Document query) {
        List<Object> ids = new ArrayList<>();
        for (Document document : collection.find(query)) {
            ids.add(document.get("_id"));
        }
        Object[] sorted = ids.toArray();
        Arrays.sort(sorted);
        return List.of(sorted);
    }
}
