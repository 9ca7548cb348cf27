package com.autochec.audit.log;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One link of the audit chain. {@code hash} = SHA-256 of the canonical form of every other field
 * (see {@link AuditChain}), which includes {@code previousHash}: changing, removing or reordering any
 * entry breaks verification from that entry on.
 *
 * <p>Checks ({@link #CHECK_PERFORMED}) come from {@code CheckCompleted}; every other action from an
 * {@code AuditEvent} (its action code, with {@link Details}). {@code ownerAccountId} is the data subject (the
 * vehicle's owner account): the check's {@code vehicle.ownerAccountId} or the event's {@code subjectAccountId}.
 * No postal address or e-mail is ever stored. {@code redactedAt} is set when retention removed the entry's
 * personal fields: the entry stays in the chain, its link is still checked, its hash can no longer be recomputed.
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
        Instant requestedAt,
        Details details,
        Instant redactedAt,
        String previousHash,
        String hash) {

    @PersistenceCreator
    public AuditEntry {}

    public static final String COLLECTION = "audit_entries";
    public static final String CHECK_PERFORMED = "CHECK_PERFORMED";

    /** An entry as first written (no request time, no details, not redacted). */
    public AuditEntry(String id, long sequence, String eventId, Instant occurredAt, Instant recordedAt, String action,
            String checkId, String plate, String plateKey, String verdict, List<String> reasonCodes, Actor actor,
            String purpose, String source, String vehicleId, String ownerAccountId, String previousHash, String hash) {
        this(id, sequence, eventId, occurredAt, recordedAt, action, checkId, plate, plateKey, verdict, reasonCodes,
                actor, purpose, source, vehicleId, ownerAccountId, null, null, null, previousHash, hash);
    }

    /**
     * Who acted; {@code role} is public, owner, agent, admin or system; {@code organisationKind} (POLICE,
     * GENDARMERIE, CUSTOMS, GARAGE...) is null when unknown.
     */
    public record Actor(String subject, String username, String role, String organisation, String organisationKind) {

        public Actor(String subject, String username, String role, String organisation) {
            this(subject, username, role, organisation, null);
        }
    }

    /**
     * What an {@code AuditEvent} adds to the common fields. {@code before}/{@code after}: the changed fields as
     * canonical JSON (keys sorted), postal address and e-mail fields removed.
     */
    public record Details(
            String purposeText,
            Boolean personData,
            String resourceType,
            String resourceId,
            String outcome,
            String before,
            String after,
            String detail) {}

    /** The compact form used to search by plate: letters and digits only, upper case. */
    public static String plateKey(String plate) {
        return plate == null ? null : plate.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    AuditEntry chained(long sequence, String previousHash, Instant recordedAt) {
        AuditEntry linked = new AuditEntry(id, sequence, eventId, occurredAt, recordedAt, action, checkId, plate,
                plateKey, verdict, reasonCodes, actor, purpose, source, vehicleId, ownerAccountId, requestedAt, details,
                redactedAt, previousHash, null);
        return linked.withHash(AuditChain.hash(linked));
    }

    AuditEntry withHash(String hash) {
        return new AuditEntry(id, sequence, eventId, occurredAt, recordedAt, action, checkId, plate, plateKey, verdict,
                reasonCodes, actor, purpose, source, vehicleId, ownerAccountId, requestedAt, details, redactedAt,
                previousHash, hash);
    }
}
