package com.autochec.document.audit;

import com.autochec.contracts.Topics;
import com.autochec.contracts.audit.AuditAction;
import com.autochec.contracts.audit.AuditEvent;
import com.autochec.platform.outbox.AuditOutbox;
import com.autochec.platform.outbox.OutboxRelays;
import com.autochec.platform.outbox.OutboxSource;
import com.autochec.platform.security.Caller;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Document-service's audit trail on {@link Topics#DOCUMENT_AUDIT}: uploads, admin decisions and views of a
 * document (its fields or its file, which hold the holder's person data) by agents and admins, published by the
 * platform's outbox relay, so a broker outage only delays them.
 *
 * <ul>
 *   <li>A change (upload, decision) carries its event in the changed document itself ({@code documents.audit},
 *       an {@link AuditOutbox} published by the {@link #CHANGES} relay): the change and its record are one
 *       single-document write, so no crash can leave one without the other (docs/audit.md).
 *   <li>A view changes nothing: its event is written to the {@code audit_outbox} collection before the data is
 *       returned; when the record cannot be written the caller gets an error, never unaudited person data.
 * </ul>
 */
@Component
public class DocumentAudit implements OutboxSource<AuditEntry> {

    /** The relay of the events embedded in changed documents. */
    public static final String CHANGES = "document-change-audit";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ObjectProvider<OutboxRelays> relays;

    DocumentAudit(MongoTemplate mongo, Clock clock, ObjectProvider<OutboxRelays> relays) {
        this.mongo = mongo;
        this.clock = clock;
        this.relays = relays;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(AuditEntry.class).createIndex(new Index().on("published", Sort.Direction.ASC));
    }

    /** What the event is about: the document, its vehicle and the vehicle's holder account. */
    public record Subject(String documentId, String plate, String vehicleId, String holderAccountId) {}

    /** An agent or admin read a document's fields or file (person data); owners reading their own are not recorded. */
    public void viewed(Caller caller, Subject subject, String purpose, String purposeText, String detail) {
        if (!caller.isStaff()) return;
        record(AuditAction.DOCUMENT_VIEWED, caller, subject, purpose, purposeText, true, null, null, null, detail);
    }

    /** The event of an upload, to store in the uploaded document's {@code audit} (then call {@link #changeWritten()}). */
    public AuditEvent uploaded(Caller caller, Subject subject, String type, String purpose, String purposeText) {
        return event(AuditAction.DOCUMENT_UPLOADED, caller, subject, purpose, purposeText, false, "PENDING", null,
                Map.of("type", type, "status", "PENDING"), null);
    }

    /** The event of a decision, to store in the decided document's {@code audit} (then call {@link #changeWritten()}). */
    public AuditEvent decided(Caller caller, Subject subject, String outcome, Map<String, Object> before,
            Map<String, Object> after, String reason) {
        return event(AuditAction.DOCUMENT_DECIDED, caller, subject, null, null, false, outcome, before, after, reason);
    }

    /** A document carrying new audit events was written: they leave now (the sweep catches what a crash left). */
    public void changeWritten() {
        relays.getObject().kickNamed(CHANGES);
    }

    private void record(String action, Caller caller, Subject subject, String purpose, String purposeText,
            boolean personData, String outcome, Map<String, Object> before, Map<String, Object> after, String detail) {
        AuditEvent event = event(action, caller, subject, purpose, purposeText, personData, outcome, before, after, detail);
        String key = subject.documentId() != null ? subject.documentId()
                : (subject.plate() != null ? subject.plate() : event.eventId());
        mongo.insert(new AuditEntry(event.eventId(), key, event, false, event.occurredAt()));
        relays.getObject().kick(this);
    }

    private AuditEvent event(String action, Caller caller, Subject subject, String purpose, String purposeText,
            boolean personData, String outcome, Map<String, Object> before, Map<String, Object> after, String detail) {
        var actor = new AuditEvent.Actor(caller.subject(), caller.username(),
                caller.role() == null ? null : caller.role().name().toLowerCase(Locale.ROOT), caller.organisation(),
                caller.organisationKind());
        String eventId = UUID.randomUUID().toString();
        return new AuditEvent(eventId, clock.instant(), action, actor, purpose, purposeText, subject.plate(),
                subject.vehicleId(), subject.holderAccountId(), personData, "DOCUMENT", subject.documentId(), outcome,
                before, after, detail);
    }

    @Override
    public String name() {
        return "document-audit";
    }

    @Override
    public String topic() {
        return Topics.DOCUMENT_AUDIT;
    }

    @Override
    public List<AuditEntry> pending(int limit) {
        return mongo.find(pendingQuery(limit), AuditEntry.class);
    }

    static Query pendingQuery(int limit) {
        return Query.query(Criteria.where("published").is(false)).limit(limit);
    }

    @Override
    public String key(AuditEntry entry) {
        return entry.key();
    }

    @Override
    public Object event(AuditEntry entry) {
        return entry.event();
    }

    @Override
    public void markPublished(List<AuditEntry> acknowledged) {
        if (acknowledged.isEmpty()) return;
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AuditEntry.class);
        for (AuditEntry e : acknowledged) {
            bulk.updateOne(Query.query(Criteria.where("_id").is(e.id())), new Update().set("published", true));
        }
        bulk.execute();
    }
}
