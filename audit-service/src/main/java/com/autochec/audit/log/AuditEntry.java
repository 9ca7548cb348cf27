package com.autochec.audit.log;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One link of the audit chain. {@code hash} = SHA-256 of the canonical form of every other field
 * (see {@link AuditChain}), which includes {@code previousHash}: changing, removing or reordering any
 * entry breaks verification from that entry on.
 */
@Document(AuditEntry.COLLECTION)
public record AuditEntry(
        @Id String id,
        long sequence,
        String eventId,
        Instant occurredAt,
        Instant recordedAt,
        String action,
        String checkId,
        String plate,
        String plateKey,
        String verdict,
        List<String> reasonCodes,
        Actor actor,
        String purpose,
        String source,
        String vehicleId,
        String ownerAccountId,
        String previousHash,
        String hash) {

    public static final String COLLECTION = "audit_entries";
    public static final String CHECK_PERFORMED = "CHECK_PERFORMED";

    /** Who acted; {@code role} is public, owner, agent or admin. */
    public record Actor(String subject, String username, String role, String organisation) {}

    /** The compact form used to search by plate: letters and digits only, upper case. */
    public static String plateKey(String plate) {
        return plate == null ? null : plate.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    AuditEntry chained(long sequence, String previousHash, Instant recordedAt) {
        AuditEntry linked = new AuditEntry(id, sequence, eventId, occurredAt, recordedAt, action, checkId, plate,
                plateKey, verdict, reasonCodes, actor, purpose, source, vehicleId, ownerAccountId, previousHash, null);
        return linked.withHash(AuditChain.hash(linked));
    }

    AuditEntry withHash(String hash) {
        return new AuditEntry(id, sequence, eventId, occurredAt, recordedAt, action, checkId, plate, plateKey, verdict,
                reasonCodes, actor, purpose, source, vehicleId, ownerAccountId, previousHash, hash);
    }
}
