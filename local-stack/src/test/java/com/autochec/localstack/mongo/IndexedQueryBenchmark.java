package com.autochec.localstack.mongo;

import com.mongodb.ExplainVerbosity;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Figures for the embedded store: {@code find({vin: X})} on N documents with and without an index on
 * {@code vin} (documents examined, queries/s, ratio), and acknowledged inserts/s with the journal (group
 * commit) and records per fsync for 1, 8 and 32 concurrent clients, and indexed finds/s from 8 clients. Run it with
 * {@code mvn -B -o -q -pl local-stack test -Dtest=IndexedQueryBenchmarkTest -Dbenchmark.documents=40000 -Dbenchmark.seconds=5}
 * (the default test run is short: 4,000 documents, 0.5 s per figure).
 */
final class IndexedQueryBenchmark {

    /** Concurrent client counts of the insert and read figures. */
    static final int[] CLIENTS = {1, 8, 32};

    /** Acknowledged inserts/s and journal records per fsync with {@code clients} concurrent clients. */
    record Inserts(int clients, double perSecond, double recordsPerForce) {
    }

    record Figures(long docsExaminedIndexed, long docsExaminedScan, double queriesPerSecondIndexed,
            double queriesPerSecondScan, double indexedQueriesPerSecondEightClients, List<Inserts> inserts) {

        Inserts inserts(int clients) {
            return inserts.stream().filter(i -> i.clients() == clients).findFirst().orElseThrow();
        }
    }

    static Figures run(int documents, double seconds) throws Exception {
        Path data = Files.createTempDirectory("store-benchmark");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PersistentMongoServer server = new PersistentMongoServer(data);
        server.start("127.0.0.1", port, Duration.ofHours(1));
        // One connection per client thread at most: the pool must not be what limits concurrency.
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?maxPoolSize=64")) {
            MongoCollection<Document> indexed = client.getDatabase("bench").getCollection("indexed");
            MongoCollection<Document> plain = client.getDatabase("bench").getCollection("plain");
            indexed.createIndex(new Document("vin", 1));
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                batch.add(new Document("_id", i).append("vin", vin(i)).append("status", i % 3 == 0 ? "VALID" : "EXPIRED")
                        .append("kind", "INSURANCE").append("checkedAt", new java.util.Date(1_700_000_000_000L + i)));
                if (batch.size() == 1000) {
                    indexed.insertMany(batch);
                    plain.insertMany(batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                indexed.insertMany(batch);
                plain.insertMany(batch);
            }
            Document query = new Document("vin", vin(documents / 2));
            long examinedIndexed = examined(indexed, query);
            long examinedScan = examined(plain, query);
            double indexedRate = queriesPerSecond(indexed, documents, seconds);
            double scanRate = queriesPerSecond(plain, documents, seconds);

            double indexedRateEight = concurrentQueriesPerSecond(indexed, documents, 8, seconds);

            List<Inserts> inserts = new ArrayList<>();
            for (int clients : CLIENTS) {
                long[] before = journalCounters(client);
                double rate = insertsPerSecond(client, clients, seconds);
                long[] after = journalCounters(client);
                inserts.add(new Inserts(clients, rate,
                        (after[0] - before[0]) / (double) Math.max(1, after[1] - before[1])));
            }
            return new Figures(examinedIndexed, examinedScan, indexedRate, scanRate, indexedRateEight, inserts);
        } finally {
            server.abandon();
            CrashRecoveryPropertyTest.deleteRecursively(data);
        }
    }

    private static String vin(int i) {
        return "VF1%014d".formatted(i % (Integer.MAX_VALUE));
    }

    private static long examined(MongoCollection<Document> collection, Document query) {
        Document explained = collection.find(query).explain(ExplainVerbosity.EXECUTION_STATS);
        return explained.get("executionStats", Document.class).get("totalDocsExamined", Number.class).longValue();
    }

    private static double queriesPerSecond(MongoCollection<Document> collection, int documents, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long started = System.nanoTime();
        long queries = 0;
        while (System.nanoTime() < deadline) {
            collection.find(new Document("vin", vin((int) (queries * 7919 % documents)))).first();
            queries++;
        }
        return queries / ((System.nanoTime() - started) / 1e9);
    }

    /** find({vin: X}).first() on the indexed collection from {@code clients} threads at once. */
    private static double concurrentQueriesPerSecond(MongoCollection<Document> collection, int documents, int clients,
            double seconds) throws Exception {
        AtomicLong queries = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            Thread thread = new Thread(() -> {
                for (long n = offset; System.nanoTime() < deadline; n += clients) {
                    collection.find(new Document("vin", vin((int) (n * 7919 % documents)))).first();
                    queries.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return queries.get() / ((System.nanoTime() - started) / 1e9);
    }

    private static double insertsPerSecond(MongoClient client, int clients, double seconds) throws Exception {
        MongoCollection<Document> checks = client.getDatabase("bench").getCollection("inserts" + clients);
        AtomicLong inserted = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    checks.insertOne(new Document("vin", "VF1").append("status", "PENDING"));
                    inserted.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return inserted.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** Journal records and forces so far, from the store's status command. */
    private static long[] journalCounters(MongoClient client) {
        Document status = client.getDatabase("admin").runCommand(new Document("autochecStoreStatus", 1));
        Document journal = status.get("journal", Document.class);
        return new long[] {journal.get("records", Number.class).longValue(), journal.get("forces", Number.class).longValue()};
    }

    static String report(int documents, Figures f) {
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT, """
                find({vin: X}) on %,d documents:
                  with index    : %,d docs examined, %,.0f queries/s (1 client), %,.0f queries/s (8 clients)
                  without index : %,d docs examined, %,.0f queries/s
                  ratio         : %,.0fx fewer documents examined, %,.1fx more queries/s
                acknowledged inserts/s (journal forced before each reply, group commit):
                """, documents, f.docsExaminedIndexed(), f.queriesPerSecondIndexed(),
                f.indexedQueriesPerSecondEightClients(), f.docsExaminedScan(), f.queriesPerSecondScan(),
                f.docsExaminedScan() / (double) Math.max(1, f.docsExaminedIndexed()),
                f.queriesPerSecondIndexed() / f.queriesPerSecondScan()));
        for (Inserts inserts : f.inserts()) {
            out.append(String.format(java.util.Locale.ROOT, "  %2d client%s   : %,.0f  (%.1f records per fsync)%n",
                    inserts.clients(), inserts.clients() == 1 ? " " : "s", inserts.perSecond(), inserts.recordsPerForce()));
        }
        return out.toString();
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        System.out.print(report(documents, run(documents, seconds)));
    }
}
