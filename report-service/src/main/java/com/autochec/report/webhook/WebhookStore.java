package com.autochec.report.webhook;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The collections {@code webhook_endpoints} and {@code webhook_deliveries}; every query here is served by an index
 * declared here (HotQueriesUseIndexesTest).
 */
@Component
class WebhookStore implements InitializingBean {

    private final MongoTemplate mongo;

    WebhookStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(WebhookEndpoint.class).createIndex(new Index().on("active", Sort.Direction.ASC)
                .on("organisationKey", Sort.Direction.ASC).named("active_organisationKey"));
        var deliveries = mongo.indexOps(WebhookDelivery.class);
        deliveries.createIndex(new Index().on("endpointId", Sort.Direction.ASC).on("eventId", Sort.Direction.ASC)
                .unique().named("endpointId_eventId"));
        deliveries.createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC)
                .named("status_nextAttemptAt"));
        deliveries.createIndex(new Index().on("endpointId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .named("endpointId_createdAt"));
    }

    // ---------------------------------------------------------------------------------------------- endpoints

    void insert(WebhookEndpoint endpoint) {
        mongo.insert(endpoint);
    }

    Optional<WebhookEndpoint> endpoint(String id) {
        return Optional.ofNullable(mongo.findById(id, WebhookEndpoint.class));
    }

    /** Active endpoints, of one organisation (by key) or of all when {@code organisationKey} is null. */
    List<WebhookEndpoint> active(String organisationKey) {
        return mongo.find(activeQuery(organisationKey), WebhookEndpoint.class);
    }

    static Query activeQuery(String organisationKey) {
        Criteria criteria = Criteria.where("active").is(true);
        if (organisationKey != null) criteria = criteria.and("organisationKey").is(organisationKey);
        return Query.query(criteria).limit(500);
    }

    /** The active endpoints of these organisations subscribed to {@code type}. */
    List<WebhookEndpoint> subscribers(Collection<String> organisationKeys, WebhookEventType type) {
        return mongo.find(subscribersQuery(organisationKeys, type), WebhookEndpoint.class);
    }

    static Query subscribersQuery(Collection<String> organisationKeys, WebhookEventType type) {
        return Query.query(Criteria.where("active").is(true).and("organisationKey").in(organisationKeys)
                .and("events").is(type));
    }

    boolean disable(String id) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("active").is(true)),
                new Update().set("active", false), WebhookEndpoint.class).getMatchedCount() == 1;
    }

    boolean rotateSecret(String id, String secret, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("active").is(true)),
                new Update().set("secret", secret).set("secretRotatedAt", at), WebhookEndpoint.class).getMatchedCount() == 1;
    }

    // --------------------------------------------------------------------------------------------- deliveries

    /** Records a delivery; false when this endpoint already has this event (a redelivered event). */
    boolean insertIfAbsent(WebhookDelivery delivery) {
        try {
            mongo.insert(delivery);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    /** The delivery log of an endpoint, newest first. */
    List<WebhookDelivery> deliveries(String endpointId, int limit) {
        return mongo.find(logQuery(endpointId, limit), WebhookDelivery.class);
    }

    static Query logQuery(String endpointId, int limit) {
        return Query.query(Criteria.where("endpointId").is(endpointId)).with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .limit(limit);
    }

    static Query dueQuery(Instant now) {
        return Query.query(Criteria.where("status").is(WebhookDelivery.Status.PENDING).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt"));
    }

    /** SENDING whose lease ran out: the instance that claimed it died (or hangs) mid-send. */
    static Query staleQuery(Instant now) {
        return Query.query(Criteria.where("status").is(WebhookDelivery.Status.SENDING).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt"));
    }

    /**
     * Claims one due (or abandoned) delivery atomically: SENDING, leased until {@code now + lease}, one more attempt
     * counted. Two instances never claim the same delivery while the lease runs.
     */
    Optional<WebhookDelivery> claim(Instant now, java.time.Duration lease) {
        Update claim = new Update().set("status", WebhookDelivery.Status.SENDING).set("nextAttemptAt", now.plus(lease))
                .inc("attempts", 1);
        var options = FindAndModifyOptions.options().returnNew(true);
        WebhookDelivery claimed = mongo.findAndModify(dueQuery(now), claim, options, WebhookDelivery.class);
        if (claimed == null) claimed = mongo.findAndModify(staleQuery(now), claim, options, WebhookDelivery.class);
        return Optional.ofNullable(claimed);
    }

    /** Records an attempt's outcome, only if the delivery is still this claim's (same attempt, still SENDING). */
    void finish(WebhookDelivery claimed, Update outcome) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(claimed.id()).and("status").is(WebhookDelivery.Status.SENDING)
                .and("attempts").is(claimed.attempts())), outcome, WebhookDelivery.class);
    }
}
