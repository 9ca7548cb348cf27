package com.autochec.platform.outbox;

import com.autochec.contracts.audit.AuditEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit events still to publish, embedded in the document whose write they describe (a vehicle, a
 * proposal, an uploaded document, a view record): the change and its audit record are one single-document
 * write — atomic on MongoDB and on the embedded store alike, which has no multi-document transactions — so a
 * crash can delay an audit event but never lose it, and no change exists without its record. Published by an
 * {@link EmbeddedAuditOutbox}. A new write carries forward the events not yet published (the consumer is
 * idempotent by {@code eventId}, so a re-send after a partial publication is harmless).
 */
public record AuditOutbox(boolean published, List<AuditEvent> events) {

    public static final String PUBLISHED = "audit.published";
    public static final AuditOutbox NONE = new AuditOutbox(true, List.of());

    public AuditOutbox {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static AuditOutbox of(List<AuditEvent> events) {
        return NONE.then(events);
    }

    /** What the next write of a document stores: its pending events (if any) followed by {@code added}. */
    public AuditOutbox then(List<AuditEvent> added) {
        List<AuditEvent> next = new ArrayList<>(published ? List.of() : events);
        next.addAll(added);
        return next.isEmpty() ? NONE : new AuditOutbox(false, next);
    }

    /** {@link #then} on a possibly absent outbox (documents written before audits existed). */
    public static AuditOutbox then(AuditOutbox previous, List<AuditEvent> added) {
        return (previous == null ? NONE : previous).then(added);
    }
}
