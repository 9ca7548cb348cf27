package com.autochec.audit.search;

import com.autochec.audit.log.AuditEntry;
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
     * top-level fields) served by the index of its most selective filter: the plate ({@code plateKey,
     * occurredAt}), else the user ({@code actor.username, occurredAt}), else the period ({@code occurredAt};
     * no filter at all is the period "ever", newest first).
     */
    static Query query(AuditFilter filter) {
        Criteria criteria = Criteria.where("occurredAt").gte(filter.from() != null ? filter.from() : EVER);
        if (filter.to() != null) criteria.lte(filter.to());
        if (filter.plateKey() != null) criteria.and("plateKey").is(filter.plateKey());
        if (filter.username() != null) criteria.and("actor.username").is(filter.username());
        return Query.query(criteria);
    }

    /** The lower bound of "any time" (the earliest instant a BSON date holds). */
    static final Instant EVER = Instant.ofEpochMilli(Long.MIN_VALUE);

    private static AuditPage.Item item(AuditEntry e) {
        var actor = e.actor() == null ? null : new AuditPage.Actor(e.actor().username(), e.actor().role(), e.actor().organisation());
        return new AuditPage.Item(e.sequence(), e.occurredAt(), e.action(), e.checkId(), e.plate(), e.verdict(),
                e.reasonCodes(), actor, e.purpose(), e.source());
    }
}
