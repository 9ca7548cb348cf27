package com.autochec.audit.checkpoint;

import com.autochec.audit.log.AuditChain;
import com.autochec.audit.log.AuditEntry;
import com.autochec.audit.log.AuditLog;
import com.autochec.contracts.audit.AuditCheckpoint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Verifies the chain against the latest signed checkpoint: the walk from the oldest kept entry (links and hashes),
 * then the entry at the checkpoint's sequence must still carry the signed hash. Rewriting an entry and recomputing
 * every later hash in the database passes the walk but not the checkpoint; deleting the tail leaves entries
 * missing below it. When the checkpoint does not match, the earlier checkpoints of the history file narrow down
 * where: {@code brokenAt} is the first entry after the last checkpoint that still matches.
 */
public class ChainVerifier {

    public static final String BROKEN_CHAIN = "BROKEN_CHAIN";
    public static final String CHECKPOINT_MISMATCH = "CHECKPOINT_MISMATCH";
    public static final String MISSING_ENTRIES = "MISSING_ENTRIES";

    private final AuditLog auditLog;
    private final Checkpoints checkpoints;

    ChainVerifier(AuditLog auditLog, Checkpoints checkpoints) {
        this.auditLog = auditLog;
        this.checkpoints = checkpoints;
    }

    /**
     * @param valid the chain verifies (and matches the latest trusted checkpoint when there is one)
     * @param entries entries walked
     * @param firstSequence the oldest entry checked
     * @param lastSequence the last entry checked
     * @param brokenAt the first broken or missing entry (null when valid)
     * @param brokenBefore when a checkpoint does not match: its sequence (the change is in [brokenAt, brokenBefore])
     * @param reason BROKEN_CHAIN, CHECKPOINT_MISMATCH or MISSING_ENTRIES (null when valid)
     * @param checkpoint the checkpoint verified against (null when none was ever signed)
     * @param untrustedCheckpoints media holding a checkpoint whose signature is not ours (ignored)
     */
    public record Report(boolean valid, long entries, Long firstSequence, Long lastSequence, Long brokenAt,
            Long brokenBefore, String reason, Anchor checkpoint, List<String> untrustedCheckpoints) {}

    /** The checkpoint verified against, and where it was found (file, kafka). */
    public record Anchor(long sequence, String hash, Instant signedAt, List<String> sources) {}

    public Report verify() {
        Checkpoints.Anchor anchor = checkpoints.anchor();
        AuditCheckpoint cp = anchor.latest();
        Anchor used = cp == null ? null : new Anchor(cp.sequence(), cp.hash(), cp.signedAt(), anchor.sources());
        AuditEntry oldest = auditLog.oldest();
        long firstSequence;
        String firstPreviousHash;
        if (cp != null) {
            firstSequence = cp.firstSequence();
            firstPreviousHash = cp.firstPreviousHash();
        } else if (oldest != null) {
            firstSequence = oldest.sequence();
            firstPreviousHash = oldest.sequence() == 1 ? AuditChain.GENESIS : oldest.previousHash();
        } else {
            return new Report(true, 0, null, null, null, null, null, null, anchor.untrusted());
        }
        AuditChain.Verification walk = auditLog.verifyFrom(firstSequence, firstPreviousHash);
        if (!walk.valid()) {
            return new Report(false, walk.entries(), firstSequence, walk.lastSequence(), walk.brokenAt(), null,
                    BROKEN_CHAIN, used, anchor.untrusted());
        }
        if (cp != null && cp.sequence() > 0) {
            if (walk.lastSequence() < cp.sequence()) {
                return new Report(false, walk.entries(), firstSequence, walk.lastSequence(), walk.lastSequence() + 1,
                        cp.sequence(), MISSING_ENTRIES, used, anchor.untrusted());
            }
            if (!matches(cp)) {
                long brokenAt = firstSequence;
                long brokenBefore = cp.sequence();
                for (AuditCheckpoint earlier : anchor.history()) {
                    if (earlier.sequence() < firstSequence || earlier.sequence() > cp.sequence()) continue;
                    if (matches(earlier)) {
                        brokenAt = Math.max(brokenAt, earlier.sequence() + 1);
                    } else {
                        brokenBefore = Math.min(brokenBefore, earlier.sequence());
                    }
                }
                return new Report(false, walk.entries(), firstSequence, walk.lastSequence(), brokenAt, brokenBefore,
                        CHECKPOINT_MISMATCH, used, anchor.untrusted());
            }
        }
        return new Report(true, walk.entries(), firstSequence, walk.lastSequence(), null, null, null, used,
                anchor.untrusted());
    }

    private boolean matches(AuditCheckpoint checkpoint) {
        if (checkpoint.sequence() == 0) return true;
        AuditEntry entry = auditLog.at(checkpoint.sequence());
        return entry != null && Objects.equals(entry.hash(), checkpoint.hash());
    }
}
