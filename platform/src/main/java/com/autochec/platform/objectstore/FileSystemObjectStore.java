package com.autochec.platform.objectstore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Objects as files under a directory, written crash-safely: a temporary file, fsync, atomic rename,
 * fsync of the directory. The content type is kept in a small sidecar file ({@code <name>.type}).
 */
public class FileSystemObjectStore implements ObjectStore {

    private static final String TYPE_SUFFIX = ".type";
    private static final String TEMP_PREFIX = ".tmp-";

    private final Path root;

    public FileSystemObjectStore(Path root) {
        try {
            this.root = Files.createDirectories(root).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the object store directory " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** The folder beside this one named after the service: the local stack keeps one folder per service. */
    @Override
    public ObjectStore ofService(String service) {
        Path sibling = root.resolveSibling(ObjectStore.checkKey(service));
        return sibling.equals(root) ? this : new FileSystemObjectStore(sibling);
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            writeDurably(target.resolveSibling(target.getFileName() + TYPE_SUFFIX),
                    (contentType == null ? "application/octet-stream" : contentType).getBytes(StandardCharsets.UTF_8));
            writeDurably(target, content);
            syncDirectory(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store object " + key, e);
        }
    }

    @Override
    public Optional<StoredObject> get(String key) {
        Path file = resolve(key);
        try {
            long size = Files.size(file);
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            InputStream content = Files.newInputStream(file);
            return Optional.of(new StoredObject(key, contentType(file), size, modified, content));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read object " + key, e);
        }
    }

    @Override
    public boolean delete(String key) {
        Path file = resolve(key);
        try {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + TYPE_SUFFIX));
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete object " + key, e);
        }
    }

    @Override
    public int deleteOlderThan(String prefix, Instant before) {
        Path start = prefix.isEmpty() ? root : resolve(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        if (!Files.isDirectory(start)) {
            return 0;
        }
        int[] deleted = {0};
        java.util.List<Path> candidates;
        try (Stream<Path> files = Files.walk(start)) {
            candidates = files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(TYPE_SUFFIX))
                    .filter(f -> !f.getFileName().toString().startsWith(TEMP_PREFIX))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sweep objects under " + prefix, e);
        }
        try {
            candidates.forEach(f -> {
                        try {
                            if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                                Files.deleteIfExists(f.resolveSibling(f.getFileName() + TYPE_SUFFIX));
                                if (Files.deleteIfExists(f)) {
                                    deleted[0]++;
                                }
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("Cannot sweep objects under " + prefix, e.getCause());
        }
        return deleted[0];
    }

    private Path resolve(String key) {
        Path file = root.resolve(ObjectStore.checkKey(key)).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("Invalid object key: " + key);
        }
        return file;
    }

    private String contentType(Path file) throws IOException {
        try {
            return Files.readString(file.resolveSibling(file.getFileName() + TYPE_SUFFIX), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "application/octet-stream";
        }
    }

    private static void writeDurably(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling(TEMP_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // some file systems cannot open a directory: the rename is as durable as they allow
        }
    }
}
