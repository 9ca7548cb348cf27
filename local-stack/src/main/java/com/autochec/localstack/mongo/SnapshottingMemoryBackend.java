package com.autochec.localstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The memory backend of mongo-java-server with secondary indexes, a write-ahead journal and consistent
 * copies for snapshots.
 *
 * <p><b>Indexes and plans.</b> Databases are {@link IndexedMemoryDatabase}s: a non-unique {@code createIndex}
 * builds a real {@link SecondaryIndex}, and {@link IndexedMemoryCollection} plans every query. Two commands
 * make plans observable: {@code explain} (of {@code find}, {@code count}, {@code distinct}, or the
 * {@code aggregate} a driver's {@code countDocuments} sends) answers {@code queryPlanner.winningPlan.stage}
 * {@code IDHACK}/{@code IXSCAN}/{@code COLLSCAN} (the access path itself; real MongoDB nests {@code IXSCAN}
 * under a {@code FETCH}) and {@code executionStats.totalDocsExamined}; {@code {autochecStoreStatus: 1}} answers
 * per collection the number of collection scans, index scans, {@code _id} lookups and documents examined
 * since start, plus the journal's and the snapshots' health and the heap in use ({@code gc: true}: after a full collection). The aggregate of {@code countDocuments}
 * ({@code $match}, optional {@code $skip}/{@code $limit}, {@code $group {_id: 1, n: {$sum: 1}}}) is answered
 * as a planned count; any other aggregate reads the whole collection (a {@code COLLSCAN}).
 *
 * <p><b>Journal.</b> Once a {@link WriteAheadJournal} is attached, every physical change of a document
 * (after-image of an inserted or updated document, {@code _id} of a removed one) is appended as a record under
 * the collection's monitor, and every command that changes the catalog ({@code create}, {@code drop},
 * {@code createIndexes}, {@code dropIndexes}, {@code collMod}, {@code dropDatabase},
 * {@code renameCollection}) as a record of the command itself; the command's reply is acknowledged only
 * after all its records are durable (group commit): {@code handleCommand} waits for that itself, unless its
 * thread defers the wait to the network layer ({@link #startDeferring}, {@link DurableReplyHandler}), which
 * holds the reply until the journal's flusher reports the records durable. Replay applies records idempotently
 * (a put replaces the document with that {@code _id}). Catalog commands run alone on their collection
 * (exclusive collection lock), database-wide ones alone on the server (exclusive global lock).
 *
 * <p><b>Snapshots.</b> {@link #exportTo} rotates the journal while no command runs (LSN {@code S0}: every
 * earlier record is in an older segment), then copies one collection at a time under its exclusive lock and
 * monitor and notes the journal's next LSN at that instant ({@code lsn} of the collection: its copy holds
 * exactly its records below it). No database-wide command runs between the copies. Replay on top of a
 * snapshot therefore applies a collection's records from its {@code lsn} on, database-wide records and those
 * of collections the snapshot lacks from {@code S0} on, and segments below {@code S0} can go once the
 * snapshot is durable. A collection unchanged since the previous snapshot (version unchanged and no record
 * since its {@code lsn}) is written from the bytes kept, with its old {@code lsn}.
 */
public class SnapshottingMemoryBackend extends MemoryBackend implements IndexedMemoryCollection.Changes {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "create", "drop", "dropdatabase", "createindexes", "dropindexes", "deleteindexes", "renamecollection",
            "collmod", "applyops");

    /** Commands that work on the one collection named by their first key (the others may touch any). */
    private static final Set<String> COLLECTION_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "create", "drop", "createindexes", "dropindexes", "deleteindexes", "collmod");

    /** Commands that change a collection's catalog entry: run alone on it, journaled as commands. */
    private static final Set<String> CATALOG_COMMANDS = Set.of("create", "drop", "createindexes", "dropindexes",
            "deleteindexes", "collmod");

    /** Database-wide commands journaled as commands (they run alone on the server). */
    private static final Set<String> GLOBAL_JOURNALED = Set.of("dropdatabase", "renamecollection");

    private static final ThreadLocal<long[]> COMMAND_LSN = ThreadLocal.withInitial(() -> new long[] {-1});

    /**
     * Per thread: {@code [0]} 1 while the caller takes over the wait for durability ({@link #startDeferring}),
     * {@code [1]} the highest LSN a command journaled meanwhile and nobody took yet (-1: none).
     */
    private static final ThreadLocal<long[]> DEFERRED = ThreadLocal.withInitial(() -> new long[] {0, -1});

    private final AtomicLong changes = new AtomicLong();
    /** Hands out versions: a collection's version moves whenever a command changed it (see {@link #versionOf}). */
    private final AtomicLong versionSequence = new AtomicLong();
    private final Map<String, AtomicLong> collectionVersions = new ConcurrentHashMap<>();
    /** The version of the last change that may have touched any collection (dropDatabase, renameCollection, ...). */
    private final AtomicLong globalVersion = new AtomicLong();
    private volatile long lastExportLockedNanos;
    /** Guards the listing of databases and collections (commands that create or drop them take it shared). */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, ReadWriteLock> collectionLocks = new ConcurrentHashMap<>();
    /** The commands this class runs itself need a channel (the backend keeps a last-status per channel). */
    private final Channel internalChannel = new EmbeddedChannel();
    private volatile WriteAheadJournal journal;
    /** The LSN of the last record of each namespace, and of the last database-wide one. */
    private final Map<String, Long> lastRecordLsn = new ConcurrentHashMap<>();
    private volatile long lastGlobalRecordLsn = -1;
    private volatile String snapshotProblem;
    private volatile long lastSnapshotAtMillis;

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedMemoryDatabase(databaseName, getCursorRegistry(), this);
    }

    /** From now on every change is journaled before it is acknowledged. */
    void attachJournal(WriteAheadJournal journal) {
        this.journal = journal;
    }

    /** Shown by {@code autochecStoreStatus}; null: the last snapshot succeeded. */
    void snapshotHealth(String problem, long lastSnapshotAtMillis) {
        this.snapshotProblem = problem;
        if (problem == null) {
            this.lastSnapshotAtMillis = lastSnapshotAtMillis;
        }
    }

    /** How many writing commands ran so far; a snapshot is due when this moved since the last one. */
    public long changeCount() {
        return changes.get();
    }

    /** How long the last export held the exclusive lock in total (clients wait that long, one collection at a time). */
    public long lastExportLockedMillis() {
        return lastExportLockedNanos / 1_000_000;
    }

    /**
     * The version of a collection's content, indexes included: it moves whenever a command changed that
     * collection (or may have changed any), so a snapshot can reuse what it encoded for an unchanged version.
     */
    public long versionOf(String databaseName, String collection) {
        AtomicLong version = collectionVersions.get(databaseName + "." + collection);
        return Math.max(version == null ? 0 : version.get(), globalVersion.get());
    }

    /** The LSN of the last record that may have changed the collection; -1 when none since start. */
    long lastChangeLsn(String databaseName, String collection) {
        return Math.max(lastRecordLsn.getOrDefault(databaseName + "." + collection, -1L), lastGlobalRecordLsn);
    }

    // ---- journaling of physical changes (called under the collection's monitor) ----

    @Override
    public void put(IndexedMemoryCollection collection, Document document) {
        journal(collection, new Document("o", "p").append("v", document));
    }

    @Override
    public void delete(IndexedMemoryCollection collection, Object id) {
        journal(collection, new Document("o", "d").append("id", id));
    }

    private void journal(IndexedMemoryCollection collection, Document record) {
        WriteAheadJournal target = journal;
        if (target == null) {
            return;
        }
        record.put("db", collection.getDatabaseName());
        record.put("c", collection.getCollectionName());
        long lsn = target.append(encode(record));
        lastRecordLsn.put(collection.getFullName(), lsn);
        long[] commandLsn = COMMAND_LSN.get();
        commandLsn[0] = Math.max(commandLsn[0], lsn);
    }

    private void journalCommand(String databaseName, String collection, String command, Document query) {
        WriteAheadJournal target = journal;
        if (target == null) {
            return;
        }
        Document record = new Document("o", collection == null ? "g" : "c").append("db", databaseName)
                .append("cmd", command).append("q", query);
        if (collection != null) {
            record.put("c", collection);
        }
        long lsn = target.append(encode(record));
        if (collection == null) {
            lastGlobalRecordLsn = lsn;
        } else {
            lastRecordLsn.put(databaseName + "." + collection, lsn);
        }
        long[] commandLsn = COMMAND_LSN.get();
        commandLsn[0] = Math.max(commandLsn[0], lsn);
    }

    // ---- commands ----

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("explain")) {
            return explain(databaseName, query);
        }
        if (name.equals("autochecstorestatus")) {
            return status(Boolean.TRUE.equals(query.get("gc")));
        }
        String collection = targetCollection(command, query);
        boolean write = isWrite(name, query);
        WriteAheadJournal target = journal;
        if (write && target != null && target.failureMessage() != null) {
            throw new MongoServerError(1, "InternalError",
                    "the embedded store's journal failed, writes are refused: " + target.failureMessage());
        }
        boolean global = write && (collection == null || !COLLECTION_COMMANDS.contains(name));
        boolean catalog = CATALOG_COMMANDS.contains(name);
        Lock globalLock = global ? lock.writeLock() : lock.readLock();
        Lock collectionLock = collection == null || global ? null
                : catalog ? collectionLock(databaseName, collection).writeLock()
                : collectionLock(databaseName, collection).readLock();
        long[] commandLsn = COMMAND_LSN.get();
        long outerLsn = commandLsn[0];
        commandLsn[0] = -1;
        globalLock.lock();
        if (collectionLock != null) {
            collectionLock.lock();
        }
        Document reply = null;
        long lsn;
        try {
            reply = countShortcut(databaseName, name, collection, query);
            if (reply == null) {
                reply = super.handleCommand(channel, databaseName, command, query);
            }
            return reply;
        } finally {
            // A failed command (reply null) may have written part of its work: it counts as a change.
            if (write && (reply == null || changedSomething(name, query, reply))) {
                // The version moves before the change count: an export that saw the count sees the version too.
                long version = versionSequence.incrementAndGet();
                if (collection != null && COLLECTION_COMMANDS.contains(name)) {
                    collectionVersions.computeIfAbsent(databaseName + "." + collection, key -> new AtomicLong())
                            .accumulateAndGet(version, Math::max);
                } else {
                    globalVersion.accumulateAndGet(version, Math::max);
                }
                changes.incrementAndGet();
            }
            // Replaying a catalog command that failed fails the same way: journaled whatever the outcome.
            if (catalog && collection != null) {
                journalCommand(databaseName, collection, command, query);
            } else if (GLOBAL_JOURNALED.contains(name)) {
                journalCommand(databaseName, null, command, query);
            }
            lsn = commandLsn[0];
            commandLsn[0] = outerLsn;
            if (collectionLock != null) {
                collectionLock.unlock();
            }
            globalLock.unlock();
            if (lsn >= 0 && target != null && !deferDurability(lsn)) {
                awaitDurable(target, lsn);
            }
        }
    }

    /**
     * From now until {@link #stopDeferring}, commands run on this thread return without waiting for their
     * journal records to be durable; the highest LSN they journaled is noted for {@link #takeDeferredLsn}, and
     * the caller must not acknowledge anything before {@link #whenDurable} of it completed. Used by
     * {@link DurableReplyHandler}, so the event-loop threads never wait for a force.
     */
    static void startDeferring() {
        long[] deferred = DEFERRED.get();
        deferred[0] = 1;
        deferred[1] = -1;
    }

    /** Notes {@code lsn} for {@link #takeDeferredLsn} if this thread defers; false: the caller must wait itself. */
    static boolean deferDurability(long lsn) {
        long[] deferred = DEFERRED.get();
        if (deferred[0] != 1) {
            return false;
        }
        deferred[1] = Math.max(deferred[1], lsn);
        return true;
    }

    /** The highest LSN journaled on this thread since the last take (-1: none), and forgets it. */
    static long takeDeferredLsn() {
        long[] deferred = DEFERRED.get();
        long lsn = deferred[1];
        deferred[1] = -1;
        return lsn;
    }

    /** Ends {@link #startDeferring}; returns the LSN nobody took (-1: none). */
    static long stopDeferring() {
        long lsn = takeDeferredLsn();
        DEFERRED.get()[0] = 0;
        return lsn;
    }

    /** Completes once every record up to {@code lsn} is durable (at once without a journal). */
    java.util.concurrent.CompletableFuture<Void> whenDurable(long lsn) {
        WriteAheadJournal target = journal;
        return target == null ? java.util.concurrent.CompletableFuture.completedFuture(null) : target.whenDurable(lsn);
    }

    private static void awaitDurable(WriteAheadJournal target, long lsn) {
        try {
            target.awaitDurable(lsn);
        } catch (IOException e) {
            throw new MongoServerError(1, "InternalError", "the embedded store could not journal the write: " + e);
        }
    }

    /**
     * The aggregate a driver's {@code countDocuments} sends, answered as a planned count; null for anything else.
     */
    @SuppressWarnings("unchecked")
    private Document countShortcut(String databaseName, String name, String collectionName, Document query) {
        if (!name.equals("aggregate") || collectionName == null || !(query.get("pipeline") instanceof List<?> stages)) {
            return null;
        }
        Document filter = new Document();
        int skip = 0;
        int limit = 0;
        int i = 0;
        List<Document> pipeline = (List<Document>) stages;
        if (i < pipeline.size() && pipeline.get(i).get("$match") instanceof Document match && pipeline.get(i).size() == 1) {
            filter = match;
            i++;
        }
        if (i < pipeline.size() && pipeline.get(i).get("$skip") instanceof Number n && pipeline.get(i).size() == 1) {
            skip = n.intValue();
            i++;
        }
        if (i < pipeline.size() && pipeline.get(i).get("$limit") instanceof Number n && pipeline.get(i).size() == 1) {
            limit = n.intValue();
            i++;
        }
        if (i != pipeline.size() - 1 || !(pipeline.get(i).get("$group") instanceof Document group)
                || pipeline.get(i).size() != 1 || group.size() != 2 || !(group.get("n") instanceof Document sum)
                || !(sum.size() == 1 && sum.get("$sum") instanceof Number one && one.intValue() == 1)
                || group.get("_id") instanceof Document || group.get("_id") instanceof String) {
            return null;
        }
        MongoCollection<?> collection = resolveDatabase(databaseName).resolveCollection(collectionName, false);
        List<Document> batch = new ArrayList<>();
        if (collection != null) {
            int n = collection.count(filter, skip, limit);
            if (n > 0) {
                batch.add(new Document("_id", group.get("_id")).append("n", n));
            }
        }
        Document cursor = new Document("firstBatch", batch).append("id", 0L)
                .append("ns", databaseName + "." + collectionName);
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    @SuppressWarnings("unchecked")
    private Document explain(String databaseName, Document query) {
        if (!(query.get("explain") instanceof Document inner) || inner.isEmpty()) {
            throw new MongoServerError(2, "BadValue", "explain needs a command document");
        }
        String innerName = inner.keySet().iterator().next();
        if (!(inner.get(innerName) instanceof String collectionName)) {
            throw new MongoServerError(2, "BadValue", "explain: no collection named");
        }
        Document filter = switch (innerName.toLowerCase(Locale.ROOT)) {
            case "find" -> (Document) inner.get("filter");
            case "count", "distinct" -> (Document) inner.get("query");
            case "aggregate" -> {
                List<Document> pipeline = (List<Document>) inner.get("pipeline");
                Document count = countShortcut(databaseName, "aggregate", collectionName, inner);
                yield count != null && !pipeline.isEmpty() && pipeline.get(0).get("$match") instanceof Document match
                        ? match : count != null ? new Document() : null;
            }
            default -> throw new MongoServerError(2, "BadValue", "explain of " + innerName + " is not supported");
        };
        lock.readLock().lock();
        Lock collectionLock = collectionLock(databaseName, collectionName).readLock();
        collectionLock.lock();
        try {
            MongoCollection<?> collection = resolveDatabase(databaseName).resolveCollection(collectionName, false);
            if (!(collection instanceof IndexedMemoryCollection indexed)) {
                return new Document("queryPlanner", new Document("winningPlan", new Document("stage", "EOF")))
                        .append("executionStats", new Document("nReturned", 0).append("totalDocsExamined", 0)
                                .append("totalKeysExamined", 0))
                        .append("ok", 1.0);
            }
            if (filter == null) { // an aggregate other than a count reads the whole collection
                Document reply = indexed.explain(new Document());
                ((Document) ((Document) reply.get("queryPlanner")).get("winningPlan")).put("stage", "COLLSCAN");
                return reply;
            }
            return indexed.explain(filter);
        } finally {
            collectionLock.unlock();
            lock.readLock().unlock();
        }
    }

    private Document status(boolean collectFirst) {
        Document collections = new Document();
        for (String databaseName : listDatabaseNames()) {
            for (String collectionName : collectionNames(databaseName)) {
                MongoCollection<?> collection = resolveDatabase(databaseName).resolveCollection(collectionName, false);
                if (collection instanceof IndexedMemoryCollection indexed) {
                    collections.put(databaseName + "." + collectionName, indexed.queryStats());
                }
            }
        }
        Document journalStatus = new Document("enabled", journal != null);
        WriteAheadJournal target = journal;
        if (target != null) {
            long[] counters = target.counters();
            journalStatus.append("records", counters[0]).append("bytes", counters[1]).append("forces", counters[2])
                    .append("failure", target.failureMessage());
        }
        Document snapshot = new Document("problem", snapshotProblem).append("lastWrittenAtMillis", lastSnapshotAtMillis);
        boolean healthy = snapshotProblem == null && (target == null || target.failureMessage() == null);
        return new Document("healthy", healthy).append("journal", journalStatus).append("snapshot", snapshot)
                .append("memory", memory(collectFirst)).append("collections", collections).append("ok", 1.0);
    }

    /**
     * The store's heap: what it holds is the data, so "used after a full collection" measures the data kept in
     * memory ({@code gc: true} asks for that collection first: a diagnostic for benchmarks, not for hot paths).
     */
    private static Document memory(boolean collectFirst) {
        Runtime runtime = Runtime.getRuntime();
        if (collectFirst) {
            System.gc();
        }
        long used = runtime.totalMemory() - runtime.freeMemory();
        return new Document("heapUsedBytes", used).append("heapMaxBytes", runtime.maxMemory())
                .append("afterFullGc", collectFirst);
    }

    /**
     * False only when the reply shows that a writing command changed nothing: the services' startup
     * (createIndexes of existing indexes, outbox polls that match nothing) then makes no snapshot due.
     */
    static boolean changedSomething(String command, Document query, Document reply) {
        return switch (command) {
            case "createindexes" -> !(reply.get("numIndexesBefore") instanceof Number before
                    && reply.get("numIndexesAfter") instanceof Number after && before.intValue() == after.intValue());
            case "insert", "delete" -> !isZero(reply.get("n"));
            case "update" -> !(isZero(reply.get("nModified")) && reply.get("upserted") == null);
            // Found nothing (value null) and upserted nothing: this server's reply has no lastErrorObject.
            case "findandmodify" -> !(reply.containsKey("value") && reply.get("value") == null
                    && !(query != null && Boolean.TRUE.equals(query.get("upsert")))
                    || reply.get("lastErrorObject") instanceof Document status && isZero(status.get("n")));
            default -> true;
        };
    }

    private static boolean isZero(Object value) {
        return value instanceof Number number && number.longValue() == 0;
    }

    /** The collection a command works on: the value of its first key, or getMore's {@code collection}. */
    private static String targetCollection(String command, Document query) {
        if (query == null) {
            return null;
        }
        Object value = command.equalsIgnoreCase("getMore") ? query.get("collection") : query.get(command);
        return value instanceof String name ? name : null;
    }

    private ReadWriteLock collectionLock(String databaseName, String collection) {
        return collectionLocks.computeIfAbsent(databaseName + "." + collection, key -> new ReentrantReadWriteLock());
    }

    private static boolean isWrite(String name, Document query) {
        if (WRITE_COMMANDS.contains(name)) {
            return true;
        }
        if (name.equals("aggregate") && query != null) {
            String pipeline = String.valueOf(query.get("pipeline"));
            return pipeline.contains("$out") || pipeline.contains("$merge");
        }
        return false;
    }

    // ---- snapshots ----

    /**
     * Hands every user collection (with its secondary index descriptions and a deep copy of its documents) to
     * the sink. First, while no command runs, lists the collections and rotates the journal (the sink's
     * {@link ExportSink#begin} gets the first LSN of the new segment). Each collection is then copied under
     * its exclusive lock (the memory backend updates documents in place, so a copy is the only safe view)
     * and handed over after the lock is released, so clients wait only for the copy of one collection,
     * never for the encoding or the disk. Returns the change count the export covers at least.
     */
    public long exportTo(ExportSink sink) throws IOException {
        long count = changes.get();
        List<String[]> names = new ArrayList<>();
        long journalStart;
        lock.writeLock().lock(); // a short pause of all commands, only to list the collections and rotate
        try {
            for (String databaseName : listDatabaseNames()) {
                if (!databaseName.equals("admin") && !databaseName.equals("local") && !databaseName.equals("config")) {
                    for (String collectionName : collectionNames(databaseName)) {
                        names.add(new String[] {databaseName, collectionName});
                    }
                }
            }
            WriteAheadJournal target = journal;
            journalStart = target == null ? 0 : target.rotate();
            lock.readLock().lock(); // downgrade: no database-wide command until every collection is copied
        } finally {
            lock.writeLock().unlock();
        }
        try {
            sink.begin(journalStart);
            long locked = 0;
            for (String[] name : names) {
                // Without the lock: a write running now journals at or above journalStart, which replay keeps.
                if (sink.reuse(name[0], name[1], versionOf(name[0], name[1]), lastChangeLsn(name[0], name[1]))) {
                    continue;
                }
                CollectionData data;
                long version;
                Lock collectionLock = collectionLock(name[0], name[1]).writeLock();
                collectionLock.lock();
                long lockedAt = System.nanoTime();
                try {
                    version = versionOf(name[0], name[1]);
                    MongoCollection<?> collection = resolveDatabase(name[0]).resolveCollection(name[1], false);
                    if (collection == null) {
                        continue;
                    }
                    synchronized (collection) { // the monitor every physical change (and its record) runs under
                        WriteAheadJournal target = journal;
                        long lsn = target == null ? 0 : target.nextLsn();
                        List<Document> indexes = new ArrayList<>();
                        for (Index<?> index : collection.getIndexes()) {
                            Document description = index.toIndexDescription();
                            if (!"_id_".equals(description.get("name"))) {
                                indexes.add(description);
                            }
                        }
                        data = new CollectionData(name[0], name[1], indexes,
                                collection.queryAllAsStream().map(Document::cloneDeeply).toList(), lsn);
                    }
                } finally {
                    locked += System.nanoTime() - lockedAt;
                    collectionLock.unlock();
                }
                sink.accept(data, version);
            }
            lastExportLockedNanos = locked;
        } finally {
            lock.readLock().unlock();
        }
        return count;
    }

    /** Recreates one collection (indexes first, so unique constraints hold) from a snapshot. */
    public void restore(CollectionData data) {
        Document create = new Document("create", data.collection());
        handleCommand(internalChannel, data.database(), "create", create);
        if (!data.indexes().isEmpty()) {
            Document createIndexes = new Document("createIndexes", data.collection());
            List<Document> specs = new ArrayList<>();
            for (Document index : data.indexes()) {
                Document spec = new Document(index);
                spec.remove("v");
                spec.remove("ns");
                specs.add(spec);
            }
            createIndexes.put("indexes", specs);
            handleCommand(internalChannel, data.database(), "createIndexes", createIndexes);
        }
        MongoCollection<?> collection = resolveDatabase(data.database()).resolveCollection(data.collection(), true);
        collection.insertDocuments(data.documents(), false);
    }

    // ---- replay ----

    /**
     * Applies one journal record on top of a loaded snapshot, unless the snapshot already holds it: records
     * of a collection from the snapshot's {@code lsn} of it on, others from {@code journalStart} on.
     * Returns whether it was applied. Only before {@link #attachJournal} (nothing is journaled again).
     */
    boolean replay(long lsn, byte[] payload, long journalStart, Map<String, Long> snapshotLsns) {
        Document record = decode(payload);
        String op = (String) record.get("o");
        String databaseName = (String) record.get("db");
        String collectionName = (String) record.get("c");
        String namespace = databaseName + "." + collectionName;
        long from = op.equals("g") ? journalStart : snapshotLsns.getOrDefault(namespace, journalStart);
        if (lsn < from) {
            return false;
        }
        switch (op) {
            case "p" -> {
                MongoCollection<?> collection = collectionForReplay(databaseName, collectionName);
                Document document = (Document) record.get("v");
                removeById(collection, document.get("_id"));
                collection.addDocument(document);
            }
            case "d" -> removeById(collectionForReplay(databaseName, collectionName), record.get("id"));
            case "c", "g" -> {
                try {
                    super.handleCommand(internalChannel, databaseName, (String) record.get("cmd"), (Document) record.get("q"));
                } catch (RuntimeException e) {
                    // failed the same way when it ran (it was journaled whatever its outcome)
                }
            }
            default -> throw new IllegalStateException("unknown journal record " + op + " at LSN " + lsn);
        }
        long version = versionSequence.incrementAndGet();
        if (op.equals("g")) {
            globalVersion.accumulateAndGet(version, Math::max);
            lastGlobalRecordLsn = lsn;
        } else {
            collectionVersions.computeIfAbsent(namespace, key -> new AtomicLong()).accumulateAndGet(version, Math::max);
            lastRecordLsn.put(namespace, lsn);
        }
        changes.incrementAndGet();
        return true;
    }

    private MongoCollection<?> collectionForReplay(String databaseName, String collectionName) {
        MongoCollection<?> collection = resolveDatabase(databaseName).resolveCollection(collectionName, false);
        if (collection == null) {
            super.handleCommand(internalChannel, databaseName, "create", new Document("create", collectionName));
            collection = resolveDatabase(databaseName).resolveCollection(collectionName, true);
        }
        return collection;
    }

    private static void removeById(MongoCollection<?> collection, Object id) {
        for (Document existing : collection.handleQuery(new Document("_id", id))) {
            collection.removeDocument(existing);
        }
    }

    static byte[] encode(Document document) {
        ByteBuf buffer = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

    static Document decode(byte[] bytes) {
        ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
        try {
            return BsonDecoder.decodeBson(buffer);
        } finally {
            buffer.release();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> collectionNames(String databaseName) {
        Document reply = super.handleCommand(internalChannel, databaseName, "listCollections", new Document("listCollections", 1));
        Document cursor = (Document) reply.get("cursor");
        List<String> names = new ArrayList<>();
        for (Document collection : (List<Document>) cursor.get("firstBatch")) {
            String name = (String) collection.get("name");
            if (!name.startsWith("system.")) {
                names.add(name);
            }
        }
        return names;
    }

    /** Where {@link #exportTo} hands the collections, one at a time, in a stable order. */
    public interface ExportSink {

        /** First: every journal record below {@code journalStart} is covered once the export is complete. */
        default void begin(long journalStart) {
        }

        /**
         * Takes the collection from what the sink kept, if it kept this version with an LSN above
         * {@code lastChangeLsn} (no record since its copy); false: a copy follows.
         */
        boolean reuse(String database, String collection, long version, long lastChangeLsn);

        /** A consistent copy of the collection as of {@code version}. */
        void accept(CollectionData data, long version);
    }

    /** One collection as a snapshot holds it, with the journal LSN its copy reflects (records below it). */
    public record CollectionData(String database, String collection, List<Document> indexes, List<Document> documents,
            long lsn) {

        public CollectionData(String database, String collection, List<Document> indexes, List<Document> documents) {
            this(database, collection, indexes, documents, 0);
        }
    }
}
