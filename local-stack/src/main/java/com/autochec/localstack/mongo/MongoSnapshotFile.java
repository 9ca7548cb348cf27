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
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One file holding every database: a sequence of BSON documents, where each collection is a header
 * {@code {db, collection, indexes, count}} followed by {@code count} documents. Written to a temporary file,
 * flushed to disk, then renamed over the previous snapshot, so a crash leaves either the old or the new one.
 */
public final class MongoSnapshotFile {

    private static final byte[] MAGIC = {'A', 'C', 'M', 'S', 'N', 'A', 'P', '1'};

    private final Path file;

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
        int[] counts = new int[2];
        long changeCount;
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            out.write(MAGIC);
            changeCount = backend.exportTo(data -> {
                try {
                    Document header = new Document();
                    header.put("db", data.database());
                    header.put("collection", data.collection());
                    header.put("indexes", data.indexes());
                    header.put("count", data.documents().size());
                    writeDocument(header, out);
                    for (Document document : data.documents()) {
                        writeDocument(document, out);
                    }
                    counts[0]++;
                    counts[1] += data.documents().size();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
            channel.force(true);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Snapshot(changeCount, counts[0], counts[1], Files.size(file));
    }

    /** Loads the snapshot (if there is one) into the backend; returns what it restored. */
    public Snapshot load(SnapshottingMemoryBackend backend) throws IOException {
        if (!Files.exists(file)) {
            return new Snapshot(0, 0, 0, 0);
        }
        int[] counts = new int[2];
        read(data -> {
            backend.restore(data);
            counts[0]++;
            counts[1] += data.documents().size();
        });
        return new Snapshot(0, counts[0], counts[1], Files.size(file));
    }

    void read(Consumer<CollectionData> sink) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + " is not an Autochec MongoDB snapshot");
            }
            Document header;
            while ((header = readDocument(in)) != null) {
                int count = ((Number) header.get("count")).intValue();
                List<Document> documents = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    Document document = readDocument(in);
                    if (document == null) {
                        throw new EOFException(file + " is truncated");
                    }
                    documents.add(document);
                }
                @SuppressWarnings("unchecked")
                List<Document> indexes = (List<Document>) header.get("indexes");
                sink.accept(new CollectionData((String) header.get("db"), (String) header.get("collection"),
                        indexes, documents));
            }
        }
    }

    private static void writeDocument(Document document, OutputStream out) throws IOException {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            buffer.readBytes(out, buffer.readableBytes());
        } finally {
            buffer.release();
        }
    }

    private static Document readDocument(InputStream in) throws IOException {
        byte[] lengthBytes = new byte[4];
        int first = in.read();
        if (first < 0) {
            return null;
        }
        lengthBytes[0] = (byte) first;
        new DataInputStream(in).readFully(lengthBytes, 1, 3);
        int length = (lengthBytes[0] & 0xff) | (lengthBytes[1] & 0xff) << 8 | (lengthBytes[2] & 0xff) << 16
                | (lengthBytes[3] & 0xff) << 24;
        if (length < 5) {
            throw new IOException("corrupt document length " + length);
        }
        byte[] body = new byte[length];
        System.arraycopy(lengthBytes, 0, body, 0, 4);
        new DataInputStream(in).readFully(body, 4, length - 4);
        ByteBuf buffer = Unpooled.wrappedBuffer(body);
        try {
            return BsonDecoder.decodeBson(buffer);
        } finally {
            buffer.release();
        }
    }

    /** What a snapshot held: the change count it reflects, collections, documents, file size in bytes. */
    public record Snapshot(long changeCount, int collections, int documents, long bytes) {
    }
}
