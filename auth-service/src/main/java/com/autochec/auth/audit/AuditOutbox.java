package com.autochec.auth.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.autochec.contracts.Topics;
import com.autochec.platform.outbox.OutboxSource;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The pending audit events, oldest first (index {@code audit_pending}), published to {@link Topics#ACCOUNT_AUDIT}. */
@Component
class AuditOutbox implements OutboxSource<AuditEntry>, InitializingBean {

    static final String NAME = "account-audit";

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditOutbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(AuditEntry.class).createIndex(new Index()
                .on(AuditEntry.PUBLISHED, Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.ASC)
                .named("audit_pending"));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String topic() {
        return Topics.ACCOUNT_AUDIT;
    }

    @Override
    public List<AuditEntry> pending(int limit) {
        return mongo.find(pendingQuery().limit(limit), AuditEntry.class);
    }

    static Query pendingQuery() {
        return Query.query(where(AuditEntry.PUBLISHED).is(false)).with(Sort.by("createdAt"));
    }

    @Override
    public String key(AuditEntry entry) {
        return entry.key() == null ? entry.id() : entry.key();
    }

    @Override
    public Object event(AuditEntry entry) {
        return entry.event();
    }

    @Override
    public void markPublished(List<AuditEntry> acknowledged) {
        List<String> ids = acknowledged.stream().map(AuditEntry::id).toList();
        mongo.updateMulti(
                Query.query(where("_id").in(ids)),
                new Update().set(AuditEntry.PUBLISHED, true).set("publishedAt", clock.instant()),
                AuditEntry.class);
    }
}
