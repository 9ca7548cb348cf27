package com.autochec.platform.objectstore;

import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

/**
 * Where images and document files live — never inside the database: the local file system in the
 * local stack, an S3-compatible store (MinIO) in docker-compose and Kubernetes. Metadata stays in
 * MongoDB next to the object's key. A {@link #put} that returned has made the object durable.
 */
public interface ObjectStore {

    /**
     * Stores the bytes under the key (replacing any object there) and returns once they are durable.
     *
     * @param key a relative path of {@code [A-Za-z0-9._-]} segments separated by {@code /}
     */
    void put(String key, byte[] content, String contentType);

    /** The object, if there is one. */
    Optional<StoredObject> get(String key);

    /** Removes the object; true when there was one. */
    boolean delete(String key);

    /** Removes every object under the prefix last written before the instant; returns how many. */
    int deleteOlderThan(String prefix, Instant before);

    /**
     * The store another service owns, for reading what it published by key (report-service reads the evidence
     * photo verification-service keeps). Each service has its own folder (file system) or bucket (S3) named after
     * it; an implementation that cannot tell returns itself.
     *
     * @param service the owning service's {@code spring.application.name}
     */
    default ObjectStore ofService(String service) {
        return this;
    }

    /** An object read back: its bytes as a stream (close it), content type, size and write time. */
    record StoredObject(String key, String contentType, long size, Instant lastModified, InputStream content)
            implements AutoCloseable {

        public byte[] readAllBytes() {
            try (InputStream in = content) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                content.close();
            } catch (java.io.IOException ignored) {
                // nothing left to release
            }
        }
    }

    /** Checks a key: no empty, {@code .} or {@code ..} segment, no absolute path, no odd characters. */
    static String checkKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 512 || key.startsWith("/") || key.endsWith("/")) {
            throw new IllegalArgumentException("Invalid object key: " + key);
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
                    || !segment.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) {
                throw new IllegalArgumentException("Invalid object key: " + key);
            }
        }
        return key;
    }
}
