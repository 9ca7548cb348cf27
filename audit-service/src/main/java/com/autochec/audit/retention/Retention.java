package com.autochec.audit.retention;

import com.autochec.audit.config.AuditProperties;
import com.autochec.audit.log.AuditEntry;
import com.autochec.contracts.audit.AuditAction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Retention per kind of record (docs/audit.md): at a fixed interval, entries older than their kind's retention lose
 * their personal fields (plate, user, vehicle, owner account, check id, changed fields, free texts); the entry
 * stays in the chain with its action, date, role, organisation, purpose code, verdict and rule codes (statistics
 * keep working), its hash and links unchanged, so verification still walks it (its link is checked; its hash can
 * no longer be recomputed) and still ends in the signed checkpoint. Entries are never deleted.
 */
@Component
class Retention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final List<String> PERSON_DATA_VIEWS = List.of(AuditAction.VEHICLE_VIEWED, AuditAction.DOCUMENT_VIEWED,
            AuditAction.REPORT_OPENED, AuditAction.REPORT_DOWNLOADED);
    static final List<String> CHANGES = List.of(AuditAction.VEHICLE_CHANGED, AuditAction.OWNER_CHANGED,
            AuditAction.PROPOSAL_CREATED, AuditAction.PROPOSAL_DECIDED, AuditAction.STOLEN_REPORTED,
            AuditAction.STOLEN_CLEARED, AuditAction.DOCUMENT_UPLOADED, AuditAction.DOCUMENT_DECIDED,
            AuditAction.CLAIM_FILED, AuditAction.CLAIM_DECIDED, AuditAction.ADMIN_ACTION, AuditAction.REPORT_SHARED,
            AuditAction.REPORT_SHARE_REVOKED);

    private final MongoTemplate mongo;
    private final AuditProperties.Retention settings;
    private final Clock clock;
    private ScheduledExecutorService executor;

    Retention(MongoTemplate mongo, AuditProperties properties, Clock clock) {
        this.mongo = mongo;
        this.settings = properties.retention();
        this.clock = clock;
    }

    /** Redacts what is past its retention at {@code now}; returns how many entries were redacted. */
    long apply(Instant now) {
        long redacted = 0;
        redacted += redact(Criteria.where("action").is(AuditEntry.CHECK_PERFORMED)
                .and("actor.role").in("public", "owner"), now.minus(settings.publicLookups()));
        redacted += redact(Criteria.where("action").is(AuditEntry.CHECK_PERFORMED)
                .and("actor.role").in("agent", "admin"), now.minus(settings.professionalChecks()));
        redacted += redact(Criteria.where("action").in(PERSON_DATA_VIEWS), now.minus(settings.personDataViews()));
        redacted += redact(Criteria.where("action").in(CHANGES), now.minus(settings.changes()));
        if (redacted > 0) log.info("Retention: redacted the personal fields of {} audit entries", redacted);
        return redacted;
    }

    private long redact(Criteria kind, Instant cutoff) {
        Query query = Query.query(kind.and("occurredAt").lt(cutoff).and("redactedAt").is(null));
        Update update = new Update()
                .set("redactedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .unset("plate").unset("plateKey").unset("checkId").unset("vehicleId").unset("ownerAccountId")
                .unset("actor.subject").unset("actor.username")
                .unset("details.before").unset("details.after").unset("details.detail")
                .unset("details.resourceId").unset("details.purposeText");
        return mongo.updateMulti(query, update, AuditEntry.class).getModifiedCount();
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "audit-retention");
            thread.setDaemon(true);
            return thread;
        });
        long every = settings.interval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                apply(clock.instant());
            } catch (RuntimeException e) {
                log.warn("Retention run failed (next in {}): {}", Duration.ofMillis(every), e.toString());
            }
        }, Math.min(every, 60_000), every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) executor.shutdownNow();
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
