package com.autochec.platform.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSystemObjectStoreTest {

    @TempDir
    Path dir;

    @Test
    void storesReadsReplacesAndDeletesObjects() throws Exception {
        FileSystemObjectStore store = new FileSystemObjectStore(dir);
        store.put("evidence/2026/check-1.jpg", new byte[] {1, 2, 3}, "image/jpeg");
        try (var object = store.get("evidence/2026/check-1.jpg").orElseThrow()) {
            assertThat(object.readAllBytes()).containsExactly(1, 2, 3);
            assertThat(object.contentType()).isEqualTo("image/jpeg");
            assertThat(object.size()).isEqualTo(3);
        }
        store.put("evidence/2026/check-1.jpg", new byte[] {9}, "image/png");
        assertThat(store.get("evidence/2026/check-1.jpg").orElseThrow().readAllBytes()).containsExactly(9);
        assertThat(store.delete("evidence/2026/check-1.jpg")).isTrue();
        assertThat(store.delete("evidence/2026/check-1.jpg")).isFalse();
        assertThat(store.get("evidence/2026/check-1.jpg")).isEmpty();
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty(); // no temporary or sidecar file left
        }
    }

    @Test
    void retentionDeletesOnlyOldObjectsUnderThePrefix() throws Exception {
        FileSystemObjectStore store = new FileSystemObjectStore(dir);
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        store.put("evidence/old.jpg", new byte[] {1}, "image/jpeg");
        store.put("evidence/new.jpg", new byte[] {2}, "image/jpeg");
        store.put("documents/old.pdf", new byte[] {3}, "application/pdf");
        Files.setLastModifiedTime(dir.resolve("evidence/old.jpg"), FileTime.from(now.minus(40, ChronoUnit.DAYS)));
        Files.setLastModifiedTime(dir.resolve("evidence/new.jpg"), FileTime.from(now.minus(1, ChronoUnit.DAYS)));
        Files.setLastModifiedTime(dir.resolve("documents/old.pdf"), FileTime.from(now.minus(400, ChronoUnit.DAYS)));

        assertThat(store.deleteOlderThan("evidence/", now.minus(31, ChronoUnit.DAYS))).isEqualTo(1);
        assertThat(store.get("evidence/old.jpg")).isEmpty();
        assertThat(store.get("evidence/new.jpg")).isPresent();
        assertThat(store.get("documents/old.pdf")).isPresent();
        assertThat(store.deleteOlderThan("nothing-here/", now)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "a/../../b", "../x", "a//b", "a/./b", "a b", "a/", "x\u0000y", "é"})
    void refusesKeysThatCouldEscapeOrSurprise(String key) {
        FileSystemObjectStore store = new FileSystemObjectStore(dir);
        assertThatThrownBy(() -> store.put(key, new byte[] {1}, "image/jpeg")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get(key)).isInstanceOf(IllegalArgumentException.class);
    }
}
