package com.autochec.contracts.audit;

import java.time.Instant;

/**
 * The head of the audit chain signed by audit-service with a key MongoDB does not hold, written outside the
 * database (a file under the service's data directory and {@link com.autochec.contracts.Topics#AUDIT_CHECKPOINT}).
 * Whoever rewrites the chain in the database (even recomputing every later hash) cannot make it end in
 * {@code hash} at {@code sequence} again.
 *
 * @param eventId           unique id of this checkpoint (UUID)
 * @param signedAt          when it was signed
 * @param sequence          the chain's last sequence when signed (0 for an empty chain)
 * @param hash              that entry's hash
 * @param firstSequence     the oldest entry kept (retention removes older ones; 1 until it does)
 * @param firstPreviousHash that entry's {@code previousHash} (the genesis hash when {@code firstSequence} is 1)
 * @param algorithm         signature algorithm (Ed25519)
 * @param publicKey         the signer's public key, X.509 SubjectPublicKeyInfo, Base64 (informative: verifiers
 *                          use the key they trust, never this one)
 * @param signature         Base64 signature over {@link #signedText()}
 */
public record AuditCheckpoint(
        String eventId,
        Instant signedAt,
        long sequence,
        String hash,
        long firstSequence,
        String firstPreviousHash,
        String algorithm,
        String publicKey,
        String signature) {

    /** The one key of the compacted topic: it keeps the latest checkpoint. */
    public static final String CHAIN_KEY = "audit-chain";

    /** What is signed: every field but the key and the signature, in a fixed order. */
    public String signedText() {
        return "autochec-audit-checkpoint/1|" + eventId + '|' + signedAt + '|' + sequence + '|' + hash + '|'
                + firstSequence + '|' + firstPreviousHash + '|' + algorithm;
    }
}
