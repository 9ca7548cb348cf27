package com.autochec.document.alert;

import jakarta.annotation.PostConstruct;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The {@code expiry_alerts} collection: insert-if-absent on a unique (documentId, threshold). */
@Component
class ExpiryAlerts {

    private final MongoTemplate mongo;

    ExpiryAlerts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        var ops = mongo.indexOps(ExpiryAlert.class);
        ops.createIndex(new Index().on("documentId", Sort.Direction.ASC).on("threshold", Sort.Direction.ASC).unique());
        ops.createIndex(new Index().on("delivered", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC));
        ops.createIndex(new Index().on("published", Sort.Direction.ASC).on("createdAt", Sort.Direction.ASC)
                .named("published_createdAt"));
    }

    /** Up to {@code limit} alerts whose event is not published yet, oldest first (the outbox's pending entries). */
    List<ExpiryAlert> unpublished(int limit) {
        return mongo.find(unpublishedQuery(limit), ExpiryAlert.class);
    }

    static Query unpublishedQuery(int limit) {
        return Query.query(Criteria.where("published").is(false)).with(Sort.by("createdAt")).limit(limit);
    }

    void markPublished(List<String> ids) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), new Update().set("published", true), ExpiryAlert.class);
    }

    /** Inserts the alert; false when one for this (document, threshold) exists already (another scan or instance). */
    boolean insertIfAbsent(ExpiryAlert alert) {
        try {
            mongo.insert(alert);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    void markDelivered(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("delivered", true), ExpiryAlert.class);
    }

    /** Alerts created but not delivered before {@code before} (a crash between the insert and the delivery). */
    List<ExpiryAlert> undelivered(Instant before, int limit) {
        return mongo.find(undeliveredQuery(before, limit), ExpiryAlert.class);
    }

    static Query undeliveredQuery(Instant before, int limit) {
        return Query.query(Criteria.where("delivered").is(false).and("createdAt").lt(before)).limit(limit);
    }

    long count() {
        return mongo.count(new Query(), ExpiryAlert.class);
    }
}
