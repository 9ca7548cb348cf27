package com.autochec.localstack.mongo;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's MongoDB: mongo-java-server's memory backend (fast) with on-disk persistence of its own.
 * At start the last snapshot is loaded before the port opens; while running, a snapshot is written every
 * few seconds when something changed; on SIGTERM the port closes first, then a last snapshot is written.
 *
 * <p>Usage: {@code PersistentMongoServer --data DIR [--host 127.0.0.1] [--port 27017] [--snapshot-seconds 5]}
 */
public final class PersistentMongoServer {

    private final SnapshottingMemoryBackend backend = new SnapshottingMemoryBackend();
    private final MongoSnapshotFile snapshotFile;
    private final Object snapshotMonitor = new Object();
    private volatile long persistedChangeCount;
    private Duration interval = Duration.ofSeconds(5);
    private long nextSnapshotAtNanos;
    private MongoServer server;
    private ScheduledExecutorService scheduler;

    PersistentMongoServer(Path dataDir) {
        this.snapshotFile = new MongoSnapshotFile(dataDir.resolve("mongo.snapshot"));
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(arg(args, "--data", ".autochec/data/mongo"));
        String host = arg(args, "--host", "127.0.0.1");
        int port = Integer.parseInt(arg(args, "--port", "27017"));
        Duration interval = Duration.ofSeconds(Long.parseLong(arg(args, "--snapshot-seconds", "5")));
        PersistentMongoServer mongo = new PersistentMongoServer(data);
        mongo.start(host, port, interval);
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::stop, "mongo-shutdown"));
        Thread.currentThread().join();
    }

    void start(String host, int port, Duration interval) throws IOException {
        long started = System.nanoTime();
        MongoSnapshotFile.Snapshot loaded = snapshotFile.load(backend);
        persistedChangeCount = backend.changeCount();
        log("loaded %d documents in %d collections from %s in %d ms", loaded.documents(), loaded.collections(),
                snapshotFile.path(), (System.nanoTime() - started) / 1_000_000);
        server = new MongoServer(backend);
        server.bind(host, port);
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mongo-snapshot");
            thread.setDaemon(true);
            return thread;
        });
        this.interval = interval;
        this.nextSnapshotAtNanos = System.nanoTime() + interval.toNanos();
        long tick = Math.min(1000, interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::periodicSnapshot, tick, tick, TimeUnit.MILLISECONDS);
        log("ready: mongodb://%s:%d (memory backend, snapshots every %ds to %s)", host, port, interval.toSeconds(),
                snapshotFile.path());
    }

    /**
     * Due every interval, but never more often than every 4 times the last snapshot's duration, so a big
     * data set under steady writes does not spend the machine's CPU on snapshots.
     */
    private void periodicSnapshot() {
        if (System.nanoTime() - nextSnapshotAtNanos < 0) {
            return;
        }
        long started = System.nanoTime();
        snapshotIfChanged();
        long took = System.nanoTime() - started;
        nextSnapshotAtNanos = System.nanoTime() + Math.max(interval.toNanos(), 4 * took);
    }

    void snapshotIfChanged() {
        synchronized (snapshotMonitor) {
            if (backend.changeCount() == persistedChangeCount) {
                return;
            }
            try {
                long started = System.nanoTime();
                MongoSnapshotFile.Snapshot written = snapshotFile.write(backend);
                persistedChangeCount = written.changeCount();
                log("snapshot: %d documents in %d collections, %d KiB, %d ms (clients held %d ms)",
                        written.documents(), written.collections(), written.bytes() / 1024,
                        (System.nanoTime() - started) / 1_000_000, backend.lastExportLockedMillis());
            } catch (IOException | RuntimeException e) {
                log("snapshot FAILED (will retry): %s", e);
                e.printStackTrace(System.out);
            }
        }
    }

    void stop() {
        log("stopping: closing the port, then writing the last snapshot");
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (server != null) {
            server.stopListening();
        }
        snapshotIfChanged();
        if (server != null) {
            server.shutdownNow();
        }
        log("stopped");
    }

    private static void log(String format, Object... args) {
        System.out.printf("%s [mongo] %s%n", java.time.LocalTime.now().withNano(0), String.format(format, args));
        System.out.flush();
    }

    private static String arg(String[] args, String name, String defaultValue) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return defaultValue;
    }
}
