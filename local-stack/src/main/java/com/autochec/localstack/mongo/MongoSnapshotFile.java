package com.autochec.localstack.mongo;

import com.autochec.localstack.mongo.SnapshottingMemoryBackend.CollectionData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One file holding every database: the magic {@code ACMSNAP2}, a header {@code {journalStart}}, then a
 * sequence of BSON documents, where each collection is a header {@code {db, collection, indexes, count, lsn}}
 * followed by {@code count} documents. {@code journalStart} and {@code lsn} say which journal records the
 * snapshot already holds (see {@link SnapshottingMemoryBackend}). Written to a temporary file, forced to disk,
 * then renamed over the previous snapshot (and the directory forced), so a crash leaves either the old or the
 * new one, complete. Files of the first format ({@code ACMSNAP1}: no header, no {@code lsn}, written before
 * the journal existed) still load, as a snapshot holding no journal record; the next snapshot is written in
 * the new format.
 */
public final class MongoSnapshotFile {

    private static final byte[] MAGIC_V1 = {'A', 'C', 'M', 'S', 'N', 'A', 'P', '1'};
    private static final byte[] MAGIC = {'A', 'C', 'M', 'S', 'N', 'A', 'P', '2'};

    private final Path file;
    /**
     * Each collection's section as last written (or loaded): a collection whose version did not move since is
     * written from here, neither copied nor encoded again. Only touched under the server's snapshot monitor.
     */
    private Map<String, EncodedCollection> encoded = new HashMap<>();

    public MongoSnapshotFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** Writes the backend's current state; returns the change count the file reflects. */
    public Snapshot write(SnapshottingMemoryBackend backend) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Map<String, EncodedCollection> written = new HashMap<>();
        int[] counts = new int[2];
        long changeCount;
        long journalStart;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            out.write(MAGIC);
            long[] start = new long[1];
            changeCount = backend.exportTo(new SnapshottingMemoryBackend.ExportSink() {
                @Override
                public void begin(long journalStart) {
                    start[0] = journalStart;
                    try {
                        out.write(encodeDocument(new Document("journalStart", journalStart)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public boolean reuse(String database, String collection, long version, long lastChangeLsn) {
                    EncodedCollection kept = encoded.get(key(database, collection));
                    if (kept == null || kept.version() != version || kept.lsn() <= lastChangeLsn) {
                        return false;
                    }
                    emit(database, collection, kept);
                    return true;
                }

                @Override
                public void accept(CollectionData data, long version) {
                    emit(data.database(), data.collection(), encode(data, version));
                }

                private void emit(String database, String collection, EncodedCollection section) {
                    try {
                        out.write(section.bytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    written.put(key(database, collection), section);
                    counts[0]++;
                    counts[1] += section.documents();
                }
            });
            out.flush();
            channel.force(true);
            journalStart = start[0];
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        WriteAheadJournal.forceDirectory(file.toAbsolutePath().getParent());
        encoded = written;
        return new Snapshot(changeCount, counts[0], counts[1], Files.size(file), journalStart, Map.of());
    }

    /** Loads the snapshot (if there is one) into the backend; returns what it restored. */
    public Snapshot load(SnapshottingMemoryBackend backend) throws IOException {
        if (!Files.exists(file)) {
            return new Snapshot(0, 0, 0, 0, 0, Map.of());
        }
        int[] counts = new int[2];
        Map<String, EncodedCollection> loaded = new HashMap<>();
        Map<String, Long> lsns = new HashMap<>();
        long journalStart = read((data, bytes) -> {
            backend.restore(data);
            // What was read is what the next snapshot writes for this collection while it does not change.
            if (bytes != null) {
                loaded.put(key(data.database(), data.collection()), new EncodedCollection(
                        backend.versionOf(data.database(), data.collection()), bytes, data.documents().size(),
                        data.lsn()));
            }
            lsns.put(data.database() + "." + data.collection(), data.lsn());
            counts[0]++;
            counts[1] += data.documents().size();
        });
        encoded = loaded;
        return new Snapshot(0, counts[0], counts[1], Files.size(file), journalStart, lsns);
    }

    /**
     * Reads every collection: its data, and the bytes of its section as the file holds them (null for a file
     * of the first format, whose sections are written anew). Returns the snapshot's {@code journalStart}.
     */
    long read(BiConsumer<CollectionData, byte[]> sink) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            boolean firstFormat = java.util.Arrays.equals(magic, MAGIC_V1);
            if (!firstFormat && !java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + " is not an Autochec MongoDB snapshot");
            }
            long journalStart = 0;
            if (!firstFormat) {
                byte[] meta = readDocumentBytes(in);
                if (meta == null) {
                    throw new EOFException(file + " is truncated");
                }
                journalStart = ((Number) decode(meta).get("journalStart")).longValue();
            }
            byte[] headerBytes;
            while ((headerBytes = readDocumentBytes(in)) != null) {
                Document header = decode(headerBytes);
                int count = ((Number) header.get("count")).intValue();
                ByteArrayOutputStream section = new ByteArrayOutputStream(headerBytes.length + count * 256);
                section.write(headerBytes);
                List<Document> documents = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    byte[] bytes = readDocumentBytes(in);
                    if (bytes == null) {
                        throw new EOFException(file + " is truncated");
                    }
                    section.write(bytes);
                    documents.add(decode(bytes));
                }
                @SuppressWarnings("unchecked")
                List<Document> indexes = (List<Document>) header.get("indexes");
                if (firstFormat) {
                    // The first format described every (then ignored) non-unique index as sparse.
                    for (Document index : indexes) {
                        if (!Boolean.TRUE.equals(index.get("unique"))) {
                            index.remove("sparse");
                        }
                    }
                }
                long lsn = header.get("lsn") instanceof Number number ? number.longValue() : 0;
                sink.accept(new CollectionData((String) header.get("db"), (String) header.get("collection"),
                        indexes, documents, lsn), firstFormat ? null : section.toByteArray());
            }
            return journalStart;
        }
    }

    /** A collection's section of the file: its header, then its documents. */
    private static EncodedCollection encode(CollectionData data, long version) {
        Document header = new Document();
        header.put("db", data.database());
        header.put("collection", data.collection());
        header.put("indexes", data.indexes());
        header.put("count", data.documents().size());
        header.put("lsn", data.lsn());
        ByteBuf buffer = Unpooled.buffer(1 << 16);
        try {
            BsonEncoder.encodeDocument(header, buffer);
            for (Document document : data.documents()) {
                BsonEncoder.encodeDocument(document, buffer);
            }
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return new EncodedCollection(version, bytes, data.documents().size(), data.lsn());
        } finally {
            buffer.release();
        }
    }

    private static byte[] encodeDocument(Document document) {
        return SnapshottingMemoryBackend.encode(document);
    }

    private static String key(String database, String collection) {
        return database + "\u0000" + collection;
    }

    private static byte[] readDocumentBytes(DataInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        byte[] lengthBytes = new byte[4];
        lengthBytes[0] = (byte) first;
        in.readFully(lengthBytes, 1, 3);
        int length = (lengthBytes[0] & 0xff) | (lengthBytes[1] & 0xff) << 8 | (lengthBytes[2] & 0xff) << 16
                | (lengthBytes[3] & 0xff) << 24;
        if (length < 5) {
            throw new IOException("corrupt document length " + length);
        }
        byte[] body = new byte[length];
        System.arraycopy(lengthBytes, 0, body, 0, 4);
        in.readFully(body, 4, length - 4);
        return body;
    }

    private static Document decode(byte[] bytes) {
        ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
        try {
            return BsonDecoder.decodeBson(buffer);
        } finally {
            buffer.release();
        }
    }

    /** A collection as the last snapshot wrote it (or as loaded), with the version it reflects. */
    private record EncodedCollection(long version, byte[] bytes, int documents, long lsn) {
    }

    /**
     * What a snapshot held: the change count it reflects, collections, documents, file size in bytes, the
     * first journal LSN it does not cover, and (when loaded) each collection's LSN.
     */
    public record Snapshot(long changeCount, int collections, int documents, long bytes, long journalStart,
            Map<String, Long> lsns) {
    }
}
