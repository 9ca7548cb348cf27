package com.autochec.audit.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/** The hash chain: canonical form, hashing and verification. Pure functions, no storage. */
public final class AuditChain {

    /** The {@code previousHash} of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /**
     * Every field but {@code id} and {@code hash}, in a fixed order, each written as
     * {@code name=<length>:<value>;} (null as {@code name=-;}) so no two entries share a canonical form.
     */
    static String canonical(AuditEntry e) {
        StringBuilder sb = new StringBuilder(512);
        field(sb, "sequence", Long.toString(e.sequence()));
        field(sb, "eventId", e.eventId());
        field(sb, "occurredAt", instant(e.occurredAt()));
        field(sb, "recordedAt", instant(e.recordedAt()));
        field(sb, "action", e.action());
        field(sb, "checkId", e.checkId());
        field(sb, "plate", e.plate());
        field(sb, "plateKey", e.plateKey());
        field(sb, "verdict", e.verdict());
        List<String> codes = e.reasonCodes();
        field(sb, "reasonCodes", codes == null ? null : Integer.toString(codes.size()));
        if (codes != null) for (String code : codes) field(sb, "reasonCode", code);
        AuditEntry.Actor actor = e.actor();
        field(sb, "actor", actor == null ? null : "");
        if (actor != null) {
            field(sb, "actor.subject", actor.subject());
            field(sb, "actor.username", actor.username());
            field(sb, "actor.role", actor.role());
            field(sb, "actor.organisation", actor.organisation());
            optional(sb, "actor.organisationKind", actor.organisationKind());
        }
        field(sb, "purpose", e.purpose());
        field(sb, "source", e.source());
        field(sb, "vehicleId", e.vehicleId());
        field(sb, "ownerAccountId", e.ownerAccountId());
        field(sb, "previousHash", e.previousHash());
        // fields added later: written only when set, so entries written before them keep their hash
        optional(sb, "requestedAt", instant(e.requestedAt()));
        AuditEntry.Details d = e.details();
        if (d != null) {
            field(sb, "details", "");
            optional(sb, "details.purposeText", d.purposeText());
            optional(sb, "details.personData", d.personData() == null ? null : d.personData().toString());
            optional(sb, "details.resourceType", d.resourceType());
            optional(sb, "details.resourceId", d.resourceId());
            optional(sb, "details.outcome", d.outcome());
            optional(sb, "details.before", d.before());
            optional(sb, "details.after", d.after());
            optional(sb, "details.detail", d.detail());
        }
        return sb.toString();
    }

    public static String hash(AuditEntry e) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical(e).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Outcome of a walk: valid with the number of entries and the last one seen, or the sequence where the chain
     * breaks.
     */
    public record Verification(boolean valid, long entries, Long brokenAt, long lastSequence, String lastHash) {

        public Verification(boolean valid, long entries, Long brokenAt) {
            this(valid, entries, brokenAt, 0, GENESIS);
        }
    }

    /** Checks entries given in sequence order: contiguous sequences from 1, links, and hashes. */
    public static Verification verify(Iterator<AuditEntry> entries) {
        return verify(entries, 1, GENESIS);
    }

    /**
     * Checks entries given in sequence order from {@code firstSequence}, whose {@code previousHash} must be
     * {@code firstPreviousHash} (retention removed the older ones): contiguous sequences, links, and hashes (a
     * redacted entry's link only: its personal fields are gone, so its hash cannot be recomputed).
     */
    public static Verification verify(Iterator<AuditEntry> entries, long firstSequence, String firstPreviousHash) {
        String previous = firstPreviousHash;
        long expected = firstSequence;
        long count = 0;
        while (entries.hasNext()) {
            AuditEntry e = entries.next();
            boolean ok = e.sequence() == expected
                    && Objects.equals(previous, e.previousHash())
                    && (e.redactedAt() != null ? e.hash() != null : Objects.equals(hash(e), e.hash()));
            if (!ok) return new Verification(false, count, Math.min(e.sequence(), expected), expected - 1, previous);
            previous = e.hash();
            expected++;
            count++;
        }
        return new Verification(true, count, null, expected - 1, previous);
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }

    private static void optional(StringBuilder sb, String name, String value) {
        if (value != null) field(sb, name, value);
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(name).append('=');
        if (value == null) sb.append('-');
        else sb.append(value.length()).append(':').append(value);
        sb.append(';');
    }
}
