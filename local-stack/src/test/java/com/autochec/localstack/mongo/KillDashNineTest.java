package com.autochec.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: the server runs in a child JVM, writers insert through the real driver, the child gets
 * SIGKILL while they write; restarted on the same data directory, the store holds every insert that was
 * acknowledged, and nothing that was never attempted.
 */
class KillDashNineTest {

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedInsertSurvivesKillDashNine() throws Exception {
        insertWhileKilled(4, 400);
    }

    /**
     * 32 writers on their own connections: their replies wait for the same forces (group commit, replies held
     * off the event loop), and still every acknowledged one is on disk when the child dies.
     */
    @Test
    void everyAcknowledgedInsertOfThirtyTwoConcurrentWritersSurvivesKillDashNine() throws Exception {
        double recordsPerForce = insertWhileKilled(32, 2000);
        assertThat(recordsPerForce).as("journal records per force while 32 clients wrote").isGreaterThan(1.0);
    }

    /** Returns the journal's records per force just before the kill. */
    private double insertWhileKilled(int writerCount, int acknowledgedBeforeKill) throws Exception {
        int port = freePort();
        Process child = startChild(port);
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        double recordsPerForce;
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port
                + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000&socketTimeoutMS=5000")) {
            MongoCollection<Document> checks = client.getDatabase("autochec-verification").getCollection("checks");
            checks.createIndex(new Document("vin", 1));
            for (int w = 0; w < writerCount; w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        String id = "w" + writer + "-" + n;
                        attempted.add(id);
                        try {
                            checks.insertOne(new Document("_id", id).append("vin", "VF1" + (n % 50)).append("n", n));
                            acknowledged.add(id);
                        } catch (MongoException e) {
                            return; // the server is gone
                        }
                    }
                });
                thread.start();
                writers.add(thread);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= acknowledgedBeforeKill / 2);
            long[] start = journalCounters(client);
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= acknowledgedBeforeKill);
            long[] end = journalCounters(client);
            recordsPerForce = (end[0] - start[0]) / (double) Math.max(1, end[1] - start[1]);
            child.destroyForcibly(); // SIGKILL
            child.waitFor();
            stop.set(true);
            for (Thread thread : writers) {
                thread.join(10_000);
            }
        } finally {
            child.destroyForcibly();
        }

        PersistentMongoServer restarted = new PersistentMongoServer(data);
        int secondPort = freePort();
        restarted.start("127.0.0.1", secondPort, Duration.ofHours(1));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + secondPort)) {
            Set<String> present = new HashSet<>();
            for (Document document : client.getDatabase("autochec-verification").getCollection("checks").find()) {
                present.add(document.getString("_id"));
            }
            assertThat(present).containsAll(acknowledged);
            assertThat(attempted).containsAll(present);
            Document plan = client.getDatabase("autochec-verification").getCollection("checks")
                    .find(new Document("vin", "VF17")).explain();
            assertThat(plan.get("queryPlanner", Document.class).get("winningPlan", Document.class).getString("stage"))
                    .isEqualTo("IXSCAN");
        } finally {
            restarted.stop();
        }
        return recordsPerForce;
    }

    private static long[] journalCounters(MongoClient client) {
        Document journal = client.getDatabase("admin").runCommand(new Document("autochecStoreStatus", 1))
                .get("journal", Document.class);
        return new long[] {journal.get("records", Number.class).longValue(), journal.get("forces", Number.class).longValue()};
    }

    private Process startChild(int port) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", classPath,
                PersistentMongoServer.class.getName(), "--data", data.toString(), "--port", String.valueOf(port),
                "--snapshot-seconds", "3600").redirectErrorStream(true).start();
        AtomicBoolean ready = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.contains("[mongo] ready")) {
                        ready.set(true);
                    }
                }
            } catch (Exception e) {
                // the child is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> ready.get() || !child.isAlive());
        assertThat(child.isAlive()).as("the child server started").isTrue();
        return child;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
