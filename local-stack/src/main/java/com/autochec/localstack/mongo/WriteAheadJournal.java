package com.autochec.localstack.mongo;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * An append-only journal of records, each numbered by a log sequence number (LSN), in segment files
 * {@code journal-<first LSN, 20 digits>.log}. A record on disk is {@code [int length][long lsn][int crc32c of
 * lsn and payload][payload]} (big-endian); reading stops at the first record of a segment that is incomplete,
 * absurdly long or fails its checksum — a write torn by a crash — and continues with the next segment.
 *
 * <p>Group commit: {@link #append} only numbers the record and copies it into a buffer in memory;
 * {@link #awaitDurable} returns once the record is on disk. The first caller that finds no flush under way
 * becomes the leader: it takes the whole buffer, writes it and forces it ({@code fdatasync}); callers arriving
 * meanwhile wait, and the next leader flushes everything they appended in one write and one force. A
 * failed write or force is sticky: every later {@code awaitDurable} throws, so nothing is acknowledged on
 * top of a journal that lost data.
 *
 * <p>{@link #whenDurable} is the same without blocking the caller: it returns a future that completes once the
 * record is on disk (exceptionally if the journal failed). A flusher thread, started on first use, flushes
 * up to the highest LSN awaited so far; records appended and awaited while it forces are flushed together by
 * its next round, so the more writers are waiting, the more records share one force.
 *
 * <p>{@link #rotate} closes the current segment (flushed and forced) and starts a new one; once a snapshot
 * covers every record before a rotation, {@link #deleteSegmentsBefore} removes the older segments.
 */
final class WriteAheadJournal implements Closeable {

    private static final String PREFIX = "journal-";
    private static final String SUFFIX = ".log";
    private static final int HEADER = 16;
    private static final int MAX_RECORD = 64 << 20;

    private final Path directory;
    private FileChannel channel;
    private Path segment;
    private long nextLsn;
    private byte[] pending = new byte[1 << 16];
    private int pendingLength;
    private long pendingLastLsn = -1;
    private long durableLsn;
    private boolean flushing;
    private IOException failure;
    private long forces;
    private long records;
    private long bytes;
    /** Futures of {@link #whenDurable}, completed by the flusher thread. */
    private final List<Waiter> waiters = new ArrayList<>();
    private Thread flusher;
    private boolean closed;

    private record Waiter(long lsn, CompletableFuture<Void> future) {
    }

    private WriteAheadJournal(Path directory, long nextLsn) {
        this.directory = directory;
        this.nextLsn = nextLsn;
        this.durableLsn = nextLsn - 1;
    }

    /** Opens the journal for appending, in a new segment whose first record will be {@code nextLsn}. */
    static WriteAheadJournal open(Path directory, long nextLsn) throws IOException {
        Files.createDirectories(directory);
        WriteAheadJournal journal = new WriteAheadJournal(directory, nextLsn);
        journal.startSegment();
        return journal;
    }

    private void startSegment() throws IOException {
        segment = directory.resolve(String.format("%s%020d%s", PREFIX, nextLsn, SUFFIX));
        // A file of that name holds no valid record (its first one would be nextLsn, beyond the last valid one).
        channel = FileChannel.open(segment, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        forceDirectory(directory);
    }

    /** Numbers the record and buffers it; durable only once {@link #awaitDurable} of its LSN returned. */
    synchronized long append(byte[] payload) {
        long lsn = nextLsn++;
        int size = HEADER + payload.length;
        if (pendingLength + size > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + size));
        }
        ByteBuffer buffer = ByteBuffer.wrap(pending, pendingLength, size);
        CRC32C crc = new CRC32C();
        ByteBuffer lsnBytes = ByteBuffer.allocate(8).putLong(0, lsn);
        crc.update(lsnBytes.array());
        crc.update(payload);
        buffer.putInt(payload.length).putLong(lsn).putInt((int) crc.getValue()).put(payload);
        pendingLength += size;
        pendingLastLsn = lsn;
        records++;
        bytes += size;
        return lsn;
    }

    /** The LSN the next record will get: every record appended so far has a lower one. */
    synchronized long nextLsn() {
        return nextLsn;
    }

    /** Returns once the record {@code lsn} (and every earlier one) is on disk; throws if the journal failed. */
    void awaitDurable(long lsn) throws IOException {
        byte[] batch;
        int length;
        long upTo;
        FileChannel target;
        synchronized (this) {
            while (true) {
                if (failure != null) {
                    throw new IOException("the journal failed earlier: " + failure.getMessage(), failure);
                }
                if (durableLsn >= lsn) {
                    return;
                }
                if (!flushing) {
                    break;
                }
                waitUninterruptibly();
            }
            flushing = true;
            batch = pending;
            length = pendingLength;
            upTo = pendingLastLsn;
            pending = new byte[Math.max(1 << 16, Math.min(batch.length, 1 << 20))];
            pendingLength = 0;
            target = channel;
        }
        try {
            write(target, batch, length);
        } catch (IOException | RuntimeException | Error e) {
            synchronized (this) {
                failure = e instanceof IOException io ? io : new IOException(e);
                flushing = false;
                notifyAll();
            }
            throw e;
        }
        synchronized (this) {
            durableLsn = Math.max(durableLsn, upTo);
            forces++;
            flushing = false;
            notifyAll();
        }
    }

    /**
     * A future that completes once the record {@code lsn} (and every earlier one) is on disk, or exceptionally
     * if the journal failed or was closed before. Never blocks: the flusher thread does the writing and forcing.
     */
    CompletableFuture<Void> whenDurable(long lsn) {
        synchronized (this) {
            if (durableLsn >= lsn) {
                return CompletableFuture.completedFuture(null);
            }
            if (failure != null) {
                return CompletableFuture.failedFuture(
                        new IOException("the journal failed earlier: " + failure.getMessage(), failure));
            }
            if (closed) {
                return CompletableFuture.failedFuture(new IOException("the journal is closed"));
            }
            CompletableFuture<Void> future = new CompletableFuture<>();
            waiters.add(new Waiter(lsn, future));
            if (flusher == null) {
                flusher = new Thread(this::flushWaiters, "mongo-journal-flusher");
                flusher.setDaemon(true);
                flusher.start();
            }
            notifyAll();
            return future;
        }
    }

    /** The flusher thread: makes the highest awaited LSN durable, completes every waiter it covers, again. */
    private void flushWaiters() {
        while (true) {
            long target = -1;
            synchronized (this) {
                while (waiters.isEmpty() && !closed) {
                    waitUninterruptibly();
                }
                if (waiters.isEmpty()) {
                    return; // closed, nobody waiting
                }
                for (Waiter waiter : waiters) {
                    target = Math.max(target, waiter.lsn());
                }
            }
            IOException failed = null;
            try {
                awaitDurable(target); // after close: returns at once (close made everything durable) or throws
            } catch (IOException | RuntimeException e) {
                failed = e instanceof IOException io ? io : new IOException(e);
            }
            List<Waiter> done = new ArrayList<>();
            long durable;
            synchronized (this) {
                durable = durableLsn;
                for (var iterator = waiters.iterator(); iterator.hasNext(); ) {
                    Waiter waiter = iterator.next();
                    if (waiter.lsn() <= durableLsn || failed != null || failure != null || closed) {
                        done.add(waiter);
                        iterator.remove();
                    }
                }
            }
            for (Waiter waiter : done) { // outside the monitor: completions run callbacks
                if (waiter.lsn() <= durable) {
                    waiter.future().complete(null);
                } else {
                    waiter.future().completeExceptionally(failed != null ? failed
                            : new IOException("the journal failed or was closed before the record was durable"));
                }
            }
        }
    }

    private static void write(FileChannel target, byte[] batch, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(batch, 0, length);
        while (buffer.hasRemaining()) {
            target.write(buffer);
        }
        target.force(false);
    }

    private void waitUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                wait();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Makes every record appended so far durable in the current segment, closes it and starts a new one.
     * Returns the first LSN of the new segment: every earlier record is in an older segment.
     */
    synchronized long rotate() throws IOException {
        while (flushing) {
            waitUninterruptibly();
        }
        if (failure != null) {
            throw new IOException("the journal failed earlier: " + failure.getMessage(), failure);
        }
        try {
            write(channel, pending, pendingLength);
            pendingLength = 0;
            durableLsn = nextLsn - 1;
            channel.close();
            startSegment();
        } catch (IOException e) {
            failure = e;
            throw e;
        } finally {
            notifyAll();
        }
        return nextLsn;
    }

    /** Deletes the segments all of whose records are below {@code lsn} (never the current one). */
    synchronized int deleteSegmentsBefore(long lsn) throws IOException {
        List<Path> segments = segments(directory);
        int deleted = 0;
        for (int i = 0; i + 1 < segments.size(); i++) {
            Path next = segments.get(i + 1);
            if (firstLsn(next) <= lsn && !segments.get(i).equals(segment)) {
                Files.deleteIfExists(segments.get(i));
                deleted++;
            }
        }
        if (deleted > 0) {
            forceDirectory(directory);
        }
        return deleted;
    }

    synchronized String failureMessage() {
        return failure == null ? null : failure.toString();
    }

    /** Records, bytes and forces since open: records per force is the group commit's batch size. */
    synchronized long[] counters() {
        return new long[] {records, bytes, forces};
    }

    @Override
    public synchronized void close() throws IOException {
        while (flushing) {
            waitUninterruptibly();
        }
        try {
            if (channel.isOpen()) {
                if (failure == null) {
                    write(channel, pending, pendingLength);
                    pendingLength = 0;
                    durableLsn = nextLsn - 1;
                }
                channel.close();
            }
        } finally {
            closed = true; // the flusher completes the remaining waiters (durable now, unless the journal failed)
            notifyAll();
        }
    }

    /** Receives the journal's valid records in LSN order. */
    interface RecordSink {
        void accept(long lsn, byte[] payload) throws IOException;
    }

    /** What a replay read: records, the last LSN (-1: none), and how many segments ended in a torn record. */
    record Replayed(long records, long lastLsn, int tornSegments) {
    }

    /** Reads every valid record of every segment in LSN order. */
    static Replayed replay(Path directory, RecordSink sink) throws IOException {
        long count = 0;
        long last = -1;
        int torn = 0;
        if (!Files.isDirectory(directory)) {
            return new Replayed(0, -1, 0);
        }
        for (Path file : segments(directory)) {
            long size = Files.size(file);
            long offset = 0;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
                while (offset < size) {
                    if (size - offset < HEADER) {
                        torn++;
                        break;
                    }
                    int length = in.readInt();
                    long lsn = in.readLong();
                    int checksum = in.readInt();
                    if (length < 0 || length > MAX_RECORD || length > size - offset - HEADER || lsn <= last) {
                        torn++;
                        break;
                    }
                    byte[] payload = readFully(in, length);
                    CRC32C crc = new CRC32C();
                    crc.update(ByteBuffer.allocate(8).putLong(0, lsn).array());
                    crc.update(payload);
                    if ((int) crc.getValue() != checksum) {
                        torn++;
                        break;
                    }
                    sink.accept(lsn, payload);
                    count++;
                    last = lsn;
                    offset += HEADER + length;
                }
            }
        }
        return new Replayed(count, last, torn);
    }

    private static byte[] readFully(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException();
        }
        return bytes;
    }

    static List<Path> segments(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> segments = new ArrayList<>(files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
            }).toList());
            segments.sort((a, b) -> Long.compare(firstLsn(a), firstLsn(b)));
            return segments;
        }
    }

    private static long firstLsn(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }

    static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory: the rename/creation is then as durable as they make it
        }
    }
}
