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
import java.util.function.Consumer;

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

    private final AtomicLong changes = new AtomicLong();
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

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        String collection = targetCollection(command, query);
        Lock collectionLock = collection == null ? null : collectionLock(databaseName, collection).readLock();
        lock.readLock().lock();
        if (collectionLock != null) {
            collectionLock.lock();
        }
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            if (isWrite(command, query)) {
                changes.incrementAndGet();
            }
            if (collectionLock != null) {
                collectionLock.unlock();
            }
            lock.readLock().unlock();
        }
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

    private static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
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
    public long exportTo(Consumer<CollectionData> sink) {
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
            CollectionData data;
            Lock collectionLock = collectionLock(name[0], name[1]).writeLock();
            collectionLock.lock();
            long lockedAt = System.nanoTime();
            try {
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
            sink.accept(data);
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

    /** One collection as a snapshot holds it. */
    public record CollectionData(String database, String collection, List<Document> indexes, List<Document> documents) {
    }
}
