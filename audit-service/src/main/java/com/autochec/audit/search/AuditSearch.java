package com.autochec.audit.search;

import com.autochec.audit.log.AuditEntry;
import java.util.ArrayList;
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
        List<Criteria> criteria = new ArrayList<>();
        if (filter.plateKey() != null) criteria.add(Criteria.where("plateKey").is(filter.plateKey()));
        if (filter.username() != null) criteria.add(Criteria.where("actor.username").is(filter.username()));
        if (filter.from() != null || filter.to() != null) {
            Criteria time = Criteria.where("occurredAt");
            if (filter.from() != null) time = time.gte(filter.from());
            if (filter.to() != null) time = time.lte(filter.to());
            criteria.add(time);
        }
        Query query = criteria.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, AuditEntry.class);
        query.with(Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("sequence")))
                .skip((long) filter.page() * filter.size())
                .limit(filter.size());
        List<AuditPage.Item> items = mongo.find(query, AuditEntry.class).stream().map(AuditSearch::item).toList();
        return new AuditPage(items, filter.page(), filter.size(), total);
    }

    private static AuditPage.Item item(AuditEntry e) {
        var actor = e.actor() == null ? null : new AuditPage.Actor(e.actor().username(), e.actor().role(), e.actor().organisation());
        return new AuditPage.Item(e.sequence(), e.occurredAt(), e.action(), e.checkId(), e.plate(), e.verdict(),
                e.reasonCodes(), actor, e.purpose(), e.source());
    }
}
