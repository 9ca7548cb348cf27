package com.autochec.localstack.mongo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stack's MongoDB: mongo-java-server's memory backend (fast) with secondary indexes and on-disk
 * persistence of its own, in the data directory: {@code mongo.snapshot} and {@code journal/journal-*.log}.
 * At start the last snapshot is loaded and the journal replayed on top of it before the port opens; while
 * running, every write is journaled (and forced to disk) before it is acknowledged — the reply waits for the
 * force without holding a network thread ({@link DurableWireServer}, {@link DurableReplyHandler}), so the
 * writes of many connections share one force — and a snapshot — a
 * checkpoint after which older journal segments are deleted — is written every few seconds when something
 * changed; on SIGTERM the port closes first, then a last snapshot is written. A snapshot that fails (also
 * for want of memory) is logged at ERROR, shown by {@code {autochecStoreStatus: 1}} and retried; the journal
 * goes on meanwhile, so no acknowledged write depends on it. See {@link SnapshottingMemoryBackend}.
 *
 * <p>Usage: {@code PersistentMongoServer --data DIR [--host 127.0.0.1] [--port 27017] [--snapshot-seconds 5]}
 */
public final class PersistentMongoServer {

    private final SnapshottingMemoryBackend backend = new SnapshottingMemoryBackend();
    private final MongoSnapshotFile snapshotFile;
    private final Path journalDirectory;
    private WriteAheadJournal journal;
    private final Object snapshotMonitor = new Object();
    private volatile long persistedChangeCount;
    private Duration interval = Duration.ofSeconds(5);
    private long nextSnapshotAtNanos;
    private DurableWireServer server;
    private ScheduledExecutorService scheduler;

    PersistentMongoServer(Path dataDir) {
        this.snapshotFile = new MongoSnapshotFile(dataDir.resolve("mongo.snapshot"));
        this.journalDirectory = dataDir.resolve("journal");
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
        started = System.nanoTime();
        AtomicLong applied = new AtomicLong();
        WriteAheadJournal.Replayed replayed = WriteAheadJournal.replay(journalDirectory, (lsn, payload) -> {
            if (backend.replay(lsn, payload, loaded.journalStart(), loaded.lsns())) {
                applied.incrementAndGet();
            }
        });
        long nextLsn = Math.max(loaded.journalStart(), replayed.lastLsn() + 1);
        for (long lsn : loaded.lsns().values()) {
            nextLsn = Math.max(nextLsn, lsn);
        }
        log("journal: %d records read, %d applied on top of the snapshot, %s in %d ms", replayed.records(),
                applied.get(), replayed.tornSegments() == 0 ? "no torn record"
                        : replayed.tornSegments() + " segment(s) ending in a torn record (ignored: never acknowledged)",
                (System.nanoTime() - started) / 1_000_000);
        journal = WriteAheadJournal.open(journalDirectory, nextLsn);
        backend.attachJournal(journal);
        server = new DurableWireServer(backend);
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
        log("ready: mongodb://%s:%d (memory backend, journal in %s, snapshots every %ds to %s)", host, port,
                journalDirectory, interval.toSeconds(), snapshotFile.path());
    }

    /**
     * Due every interval, but never more often than every 4 times the last snapshot's duration, so a big
     * data set under steady writes does not spend the machine's CPU on snapshots.
     */
    private void periodicSnapshot() {
        try {
            if (System.nanoTime() - nextSnapshotAtNanos < 0) {
                return;
            }
            long started = System.nanoTime();
            snapshotIfChanged();
            long took = System.nanoTime() - started;
            nextSnapshotAtNanos = System.nanoTime() + Math.max(interval.toNanos(), 4 * took);
        } catch (Throwable e) { // a scheduled task that throws is never run again: never let it
            log("ERROR snapshot task: %s", e);
        }
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
                int deleted = journal == null ? 0 : journal.deleteSegmentsBefore(written.journalStart());
                backend.snapshotHealth(null, System.currentTimeMillis());
                log("snapshot: %d documents in %d collections, %d KiB, %d ms (clients held %d ms), "
                        + "journal segments deleted: %d", written.documents(), written.collections(),
                        written.bytes() / 1024, (System.nanoTime() - started) / 1_000_000,
                        backend.lastExportLockedMillis(), deleted);
            } catch (OutOfMemoryError e) {
                backend.snapshotHealth("out of memory: " + e.getMessage(), 0);
                log("ERROR snapshot FAILED for want of memory (%s): writes go on being journaled, so none is lost, "
                        + "but the journal grows until a snapshot succeeds; restart MongoDB with a larger -Xmx "
                        + "(see ./autochec) — the restart replays the journal", e.getMessage());
            } catch (IOException | RuntimeException | Error e) {
                backend.snapshotHealth(e.toString(), 0);
                log("ERROR snapshot FAILED (will retry; writes go on being journaled): %s", e);
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
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                log("ERROR closing the journal: %s", e);
            }
        }
        log("stopped");
    }

    /** A crash, for tests: the port closes, nothing is written or closed (the journal stays as it is on disk). */
    void abandon() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (server != null) {
            server.shutdownNow();
        }
    }

    /** The journal's segments, for tests. */
    Path journalDirectory() {
        return journalDirectory;
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
