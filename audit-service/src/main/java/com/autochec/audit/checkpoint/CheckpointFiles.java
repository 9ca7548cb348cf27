package com.autochec.audit.checkpoint;

import com.autochec.contracts.audit.AuditCheckpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkpoints as files under the service's data directory: {@code checkpoints/latest.json} (replaced atomically)
 * and {@code checkpoints/history.jsonl} (one per line, appended and forced to disk), which narrows down where a
 * rewritten chain was first changed.
 */
final class CheckpointFiles {

    private final Path latest;
    private final Path history;
    private final JsonMapper json;

    CheckpointFiles(Path dataDir, JsonMapper json) {
        Path dir = dataDir.resolve("checkpoints");
        this.latest = dir.resolve("latest.json");
        this.history = dir.resolve("history.jsonl");
        this.json = json;
    }

    synchronized void write(AuditCheckpoint checkpoint) {
        try {
            Files.createDirectories(latest.getParent());
            byte[] line = (json.writeValueAsString(checkpoint) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(history, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line));
                channel.force(true);
            }
            Path tmp = latest.resolveSibling("latest.json.tmp");
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(line));
                channel.force(true);
            }
            Files.move(tmp, latest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit checkpoint under " + latest.getParent(), e);
        }
    }

    synchronized Optional<AuditCheckpoint> latest() {
        if (!Files.exists(latest)) return Optional.empty();
        try {
            return Optional.of(json.readValue(Files.readString(latest), AuditCheckpoint.class));
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }

    /** Every checkpoint written here, oldest first (unreadable lines skipped). */
    synchronized List<AuditCheckpoint> history() {
        List<AuditCheckpoint> all = new ArrayList<>();
        if (!Files.exists(history)) return all;
        try {
            for (String line : Files.readAllLines(history, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                try {
                    all.add(json.readValue(line, AuditCheckpoint.class));
                } catch (JacksonException skipped) {
                    // a torn last line after a crash
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}
