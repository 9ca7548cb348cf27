package com.autochec.audit.checkpoint;

import com.autochec.audit.log.AuditChain;
import com.autochec.audit.log.AuditEntry;
import com.autochec.audit.log.AuditLog;
import com.autochec.contracts.audit.AuditCheckpoint;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the chain's head and writes it outside MongoDB (file, then topic), and reads back the checkpoints this
 * service can trust: those whose signature verifies with its own key, whichever medium they come from.
 */
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final AuditLog auditLog;
    private final CheckpointKey key;
    private final CheckpointFiles files;
    private final CheckpointTopic topic;
    private final Clock clock;
    private volatile AuditCheckpoint lastWritten;

    Checkpoints(AuditLog auditLog, CheckpointKey key, CheckpointFiles files, CheckpointTopic topic, Clock clock) {
        this.auditLog = auditLog;
        this.key = key;
        this.files = files;
        this.topic = topic;
        this.clock = clock;
    }

    /**
     * Signs the current head and writes it (file and topic); does nothing when the chain has not moved since the
     * last checkpoint. Returns the checkpoint that now holds.
     */
    public synchronized AuditCheckpoint checkpoint() {
        AuditLog.Head head = auditLog.head();
        AuditEntry oldest = auditLog.oldest();
        long firstSequence = oldest == null ? head.sequence() + 1 : oldest.sequence();
        String firstPreviousHash = oldest == null ? head.hash() : oldest.previousHash();
        if (lastWritten == null) lastWritten = files.latest().filter(this::trusted).orElse(null);
        AuditCheckpoint last = lastWritten;
        if (last != null && last.sequence() == head.sequence() && Objects.equals(last.hash(), head.hash())
                && last.firstSequence() == firstSequence) {
            return last;
        }
        AuditCheckpoint unsigned = new AuditCheckpoint(UUID.randomUUID().toString(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), head.sequence(), head.hash(), firstSequence,
                firstPreviousHash, key.algorithm(), key.publicKeyBase64(), null);
        AuditCheckpoint signed = new AuditCheckpoint(unsigned.eventId(), unsigned.signedAt(), unsigned.sequence(),
                unsigned.hash(), unsigned.firstSequence(), unsigned.firstPreviousHash(), unsigned.algorithm(),
                unsigned.publicKey(), key.sign(unsigned.signedText()));
        files.write(signed);
        lastWritten = signed;
        try {
            topic.publish(signed);
        } catch (Exception e) {
            // the file holds it; the next checkpoint goes to the topic again
            log.warn("Audit checkpoint {} written to file, not (yet) to Kafka: {}", signed.sequence(), e.toString());
        }
        log.debug("Audit checkpoint at sequence {}", signed.sequence());
        return signed;
    }

    boolean trusted(AuditCheckpoint checkpoint) {
        return checkpoint != null && key.verifies(checkpoint.signedText(), checkpoint.signature());
    }

    /** What verification stands on: the latest trusted checkpoint, and what was found but not trusted. */
    record Anchor(AuditCheckpoint latest, List<String> sources, List<String> untrusted, List<AuditCheckpoint> history) {}

    Anchor anchor() {
        List<String> sources = new ArrayList<>();
        List<String> untrusted = new ArrayList<>();
        AuditCheckpoint best = null;
        Optional<AuditCheckpoint> file = files.latest();
        if (file.isPresent()) {
            if (trusted(file.get())) {
                best = file.get();
                sources.add("file");
            } else {
                untrusted.add("file");
            }
        }
        Optional<AuditCheckpoint> kafka = topic.latest();
        if (kafka.isPresent()) {
            if (!trusted(kafka.get())) {
                untrusted.add("kafka");
            } else if (best == null || kafka.get().sequence() > best.sequence()) {
                best = kafka.get();
                sources.clear();
                sources.add("kafka");
            } else if (kafka.get().sequence() == best.sequence()) {
                sources.add("kafka");
            }
        }
        List<AuditCheckpoint> history = new ArrayList<>(files.history().stream().filter(this::trusted).toList());
        if (best != null) history.add(best);
        history.sort(Comparator.comparingLong(AuditCheckpoint::sequence));
        return new Anchor(best, sources, untrusted, history);
    }

    static String genesis() {
        return AuditChain.GENESIS;
    }
}
