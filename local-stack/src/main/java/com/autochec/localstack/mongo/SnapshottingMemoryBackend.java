package com.autochec.localstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The memory backend of mongo-java-server, plus what a snapshot needs: a change counter bumped by every
 * command that may write, and a consistent copy of each collection. A command on a collection holds that
 * collection's shared lock; {@link #exportTo} holds its exclusive lock while it copies it, so a snapshot
 * makes clients of one collection at a time wait for the copy of that collection only.
 */
public class SnapshottingMemoryBackend extends MemoryBackend {

    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "create", "drop", "dropdatabase", "createindexes", "dropindexes", "deleteindexes", "renamecollection",
            "collmod", "applyops");

    /** Commands that work on the one collection named by their first key (the others may touch any). */
    private static final Set<String> COLLECTION_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "create", "drop", "createindexes", "dropindexes", "deleteindexes", "collmod");

    private final AtomicLong changes = new AtomicLong();
    /** Hands out versions: a collection's version moves whenever a command changed it (see {@link #versionOf}). */
    private final AtomicLong versionSequence = new AtomicLong();
    private final Map<String, AtomicLong> collectionVersions = new ConcurrentHashMap<>();
    /** The version of the last change that may have touched any collection (dropDatabase, renameCollection, ...). */
    private final AtomicLong globalVersion = new AtomicLong();
    private volatile long lastExportLockedNanos;
    /** Guards the listing of databases and collections (commands that create or drop them take it shared). */
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, ReadWriteLock> collectionLocks = new ConcurrentHashMap<>();
    /** The commands this class runs itself need a channel (the backend keeps a last-status per channel). */
    private final Channel internalChannel = new EmbeddedChannel();

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

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        String collection = targetCollection(command, query);
        Lock collectionLock = collection == null ? null : collectionLock(databaseName, collection).readLock();
        lock.readLock().lock();
        if (collectionLock != null) {
            collectionLock.lock();
        }
        Document reply = null;
        try {
            reply = super.handleCommand(channel, databaseName, command, query);
            return reply;
        } finally {
            // A failed command (reply null) may have written part of its work: it counts as a change.
            String name = command.toLowerCase(Locale.ROOT);
            if (isWrite(name, query) && (reply == null || changedSomething(name, query, reply))) {
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
            if (collectionLock != null) {
                collectionLock.unlock();
            }
            lock.readLock().unlock();
        }
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

    /**
     * Hands every user collection (with its secondary index descriptions and a deep copy of its documents) to
     * the sink. Each collection is copied under the exclusive lock (the memory backend updates documents in
     * place, so a copy is the only safe view) and handed over after the lock is released, so clients wait
     * only for the copy of one collection, never for the encoding or the disk. Returns the change count the
     * export covers at least (later writes make the next snapshot due).
     */
    public long exportTo(ExportSink sink) {
        long count = changes.get();
        List<String[]> names = new ArrayList<>();
        lock.writeLock().lock(); // a short pause of all commands, only to list the collections
        try {
            for (String databaseName : listDatabaseNames()) {
                if (!databaseName.equals("admin") && !databaseName.equals("local") && !databaseName.equals("config")) {
                    for (String collectionName : collectionNames(databaseName)) {
                        names.add(new String[] {databaseName, collectionName});
                    }
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        long locked = 0;
        for (String[] name : names) {
            // Without the lock: a write still running has not moved the change count read above either, so
            // reusing the older version leaves the next snapshot due.
            if (sink.reuse(name[0], name[1], versionOf(name[0], name[1]))) {
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
                List<Document> indexes = new ArrayList<>();
                for (Index<?> index : collection.getIndexes()) {
                    Document description = index.toIndexDescription();
                    if (!"_id_".equals(description.get("name"))) {
                        indexes.add(description);
                    }
                }
                data = new CollectionData(name[0], name[1], indexes,
                        collection.queryAllAsStream().map(Document::cloneDeeply).toList());
            } finally {
                locked += System.nanoTime() - lockedAt;
                collectionLock.unlock();
            }
            sink.accept(data, version);
        }
        lastExportLockedNanos = locked;
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

        /** Takes the collection from what the sink kept of this version, if it has it; false: a copy follows. */
        boolean reuse(String database, String collection, long version);

        /** A consistent copy of the collection as of {@code version}. */
        void accept(CollectionData data, long version);
    }

    /** One collection as a snapshot holds it. */
    public record CollectionData(String database, String collection, List<Document> indexes, List<Document> documents) {
    }
}
