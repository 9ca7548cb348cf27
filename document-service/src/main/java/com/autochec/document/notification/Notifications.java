package com.autochec.document.notification;

import com.autochec.platform.problem.ApiProblem;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * In-app notifications, the accounts' channel preferences and the e-mails to send. {@link #deliver} is
 * idempotent by the notification id: delivering the same notification twice creates one in-app entry and
 * one e-mail.
 */
@Service
public class Notifications {

    static final int MAX_PAGE = 100;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final MailDispatcher mail;

    Notifications(MongoTemplate mongo, Clock clock, MailDispatcher mail) {
        this.mongo = mongo;
        this.clock = clock;
        this.mail = mail;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(Notification.class).createIndex(
                new Index().on("accountId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
        if (!mongo.collectionExists(NotificationPreferences.class)) {
            try {
                mongo.createCollection(NotificationPreferences.class);
            } catch (RuntimeException createdMeanwhile) {
                // another instance created it
            }
        }
        mongo.indexOps(MailMessage.class).createIndex(
                new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
    }

    /** Creates the notification on the account's chosen channels (in-app, e-mail), once per id. */
    public void deliver(Notification notification) {
        NotificationPreferences prefs = preferences(notification.accountId());
        if (prefs.inApp()) insertIfAbsent(notification);
        if (prefs.email() && prefs.emailAddress() != null && !prefs.emailAddress().isBlank()) {
            Instant now = clock.instant();
            String body = notification.bodyFr() + "\n\n-- English --\n\n" + notification.bodyEn()
                    + "\n\n— Autochec\n";
            var message = new MailMessage(notification.id(), prefs.emailAddress(),
                    notification.titleFr() + " / " + notification.titleEn(), body, MailMessage.Status.PENDING, 0, now,
                    now, null, null);
            try {
                mongo.insert(message);
                mail.kick();
            } catch (DuplicateKeyException alreadyQueued) {
                // delivered before: one e-mail per notification
            }
        }
    }

    private void insertIfAbsent(Notification notification) {
        try {
            mongo.insert(notification);
        } catch (DuplicateKeyException alreadyThere) {
            // idempotent
        }
    }

    /** A page of the account's notifications, newest first. */
    public List<Notification> list(String accountId, int page, int size) {
        return mongo.find(byAccount(accountId, page, size), Notification.class);
    }

    static Query byAccount(String accountId, int page, int size) {
        return Query.query(Criteria.where("accountId").is(accountId))
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")))
                .skip((long) page * size)
                .limit(size + 1);
    }

    /** Marks the account's notification read (idempotent); 404 when it is not the account's. */
    public Notification markRead(String accountId, String id) {
        Query mine = Query.query(Criteria.where("_id").is(id).and("accountId").is(accountId));
        Notification current = mongo.findOne(mine, Notification.class);
        if (current == null) throw ApiProblem.notFound("No notification " + id + ".");
        if (current.readAt() != null) return current;
        return Optional.ofNullable(mongo.findAndModify(mine, new Update().set("readAt", clock.instant()),
                        FindAndModifyOptions.options().returnNew(true), Notification.class))
                .orElse(current);
    }

    public NotificationPreferences preferences(String accountId) {
        if (accountId == null) return NotificationPreferences.defaults(null);
        NotificationPreferences stored = mongo.findById(accountId, NotificationPreferences.class);
        return stored != null ? stored : NotificationPreferences.defaults(accountId);
    }

    public NotificationPreferences savePreferences(String accountId, boolean inApp, boolean email, String emailAddress) {
        var prefs = new NotificationPreferences(accountId, inApp, email, emailAddress, clock.instant());
        mongo.save(prefs);
        return prefs;
    }
}
