package com.autochec.audit.search;

import com.autochec.audit.log.AuditEntry;
import com.autochec.audit.log.Purposes;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Admin search of the audit log. */
@Service
class AuditSearch {

    private final MongoTemplate mongo;

    AuditSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    AuditPage search(AuditFilter filter) {
        Query query = query(filter);
        long total = mongo.count(query, AuditEntry.class);
        query.with(Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("sequence")))
                .skip((long) filter.page() * filter.size())
                .limit(filter.size());
        List<AuditPage.Item> items = mongo.find(query, AuditEntry.class).stream().map(AuditSearch::item).toList();
        return new AuditPage(items, filter.page(), filter.size(), total);
    }

    /**
     * Admin-only search with free filters, one flat filter (no {@code $and}: the embedded store plans only
     * top-level fields) served by the index of one of its equality filters (plate, user, organisation, purpose,
     * verdict or action, each indexed with {@code occurredAt}), else the period ({@code occurredAt}; no filter at
     * all is the period "ever", newest first).
     */
    static Query query(AuditFilter filter) {
        Criteria criteria = Criteria.where("occurredAt").gte(filter.from() != null ? filter.from() : EVER);
        if (filter.to() != null) criteria.lte(filter.to());
        if (filter.plateKey() != null) criteria.and("plateKey").is(filter.plateKey());
        if (filter.username() != null) criteria.and("actor.username").is(filter.username());
        if (filter.organisation() != null) criteria.and("actor.organisation").is(filter.organisation());
        if (filter.purpose() != null) criteria.and("purpose").is(filter.purpose());
        if (filter.verdict() != null) criteria.and("verdict").is(filter.verdict());
        if (filter.action() != null) criteria.and("action").is(filter.action());
        return Query.query(criteria);
    }

    /** The lower bound of "any time" (the earliest instant a BSON date holds). */
    static final Instant EVER = Instant.ofEpochMilli(Long.MIN_VALUE);

    /** At most {@code limit} entries matching the filter, newest first, for the CSV export. */
    java.util.stream.Stream<AuditEntry> export(AuditFilter filter, int limit) {
        Query query = query(filter).with(Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("sequence")))
                .limit(limit);
        return mongo.stream(query, AuditEntry.class);
    }

    static AuditPage.Item item(AuditEntry e) {
        var actor = e.actor() == null ? null : new AuditPage.Actor(e.actor().username(), e.actor().role(),
                e.actor().organisation(), e.actor().organisationKind());
        var d = e.details();
        return new AuditPage.Item(e.sequence(), e.occurredAt(), e.action(), e.checkId(), e.plate(), e.verdict(),
                e.reasonCodes(), actor, e.purpose(), Purposes.label(e.purpose()), e.source(),
                d == null ? null : d.purposeText(), d == null ? null : d.personData(),
                d == null ? null : d.resourceType(), d == null ? null : d.resourceId(), d == null ? null : d.outcome(),
                d == null ? null : d.before(), d == null ? null : d.after(), d == null ? null : d.detail(),
                e.redactedAt());
    }
}
