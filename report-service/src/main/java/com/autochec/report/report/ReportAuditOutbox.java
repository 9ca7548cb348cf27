package com.autochec.report.report;

import com.autochec.contracts.Topics;
import com.autochec.contracts.audit.AuditEvent;
import com.autochec.platform.outbox.OutboxRelays;
import com.autochec.platform.outbox.OutboxSource;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * report-service's audit events ({@link AuditEvent} on {@link Topics#REPORT_AUDIT}, key = report id) through the
 * platform's outbox: each is one document of {@code report_audit_outbox}, written before the change it records (a
 * crash in between audits an action that did not happen, never the reverse), published by the relay right after
 * and by its sweep, marked once the broker acknowledged it. audit-service dedupes by event id.
 */
@Component
class ReportAuditOutbox implements OutboxSource<ReportAuditOutbox.Pending>, InitializingBean {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final ObjectProvider<OutboxRelays> relays;

    ReportAuditOutbox(MongoTemplate mongo, Clock clock, ObjectProvider<OutboxRelays> relays) {
        this.mongo = mongo;
        this.clock = clock;
        this.relays = relays;
    }

    @Document("report_audit_outbox")
    record Pending(@Id String id, String key, AuditEvent event, boolean published, Instant createdAt,
            Instant publishedAt) {}

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(Pending.class).createIndex(new Index().on("published", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC).named("published_createdAt"));
    }

    /** Records an action on a report (written before the change it records), and kicks the relay. */
    void record(String action, AuditEvent.Actor actor, Report report, String subjectAccountId, String detail) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String eventId = UUID.randomUUID().toString();
        AuditEvent event = new AuditEvent(eventId, now, action, actor, null, null, report.plate(), null,
                subjectAccountId, true, "REPORT", report.id(), null, null, null, detail);
        mongo.insert(new Pending(eventId, report.id(), event, false, now, null));
        relays.ifAvailable(r -> r.kick(this));
    }

    @Override
    public String name() {
        return "report-audit";
    }

    @Override
    public String topic() {
        return Topics.REPORT_AUDIT;
    }

    @Override
    public List<Pending> pending(int limit) {
        return mongo.find(Query.query(Criteria.where("published").is(false))
                .with(Sort.by("createdAt")).limit(limit), Pending.class);
    }

    @Override
    public String key(Pending entry) {
        return entry.key();
    }

    @Override
    public Object event(Pending entry) {
        return entry.event();
    }

    @Override
    public void markPublished(List<Pending> acknowledged) {
        if (acknowledged.isEmpty()) return;
        mongo.updateMulti(Query.query(Criteria.where("_id").in(acknowledged.stream().map(Pending::id).toList())),
                new Update().set("published", true).set("publishedAt", clock.instant()), Pending.class);
    }
}
