package com.autochec.report.report;

import com.autochec.contracts.audit.AuditAction;
import com.autochec.contracts.audit.AuditEvent;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import com.autochec.report.config.ReportProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Share links of reports: an owner shares a report of their own check of their own vehicle (never an agent's:
 * it names the agent) for 1 to 30 days (7 by default), lists and revokes them; anyone holding an open link sees the
 * report. Creating, revoking and every opening are audited (REPORT_SHARED, REPORT_SHARE_REVOKED, REPORT_OPENED,
 * REPORT_DOWNLOADED).
 */
@Service
class ReportShares implements InitializingBean {

    static final int DEFAULT_DAYS = 7;
    static final int MAX_DAYS = 30;
    private static final SecureRandom RANDOM = new SecureRandom();
    static final AuditEvent.Actor SHARE_HOLDER = new AuditEvent.Actor(null, null, "public", null, null);

    private final MongoTemplate mongo;
    private final ReportRepository reports;
    private final ReportAuditOutbox audit;
    private final ReportProperties properties;
    private final Clock clock;

    ReportShares(MongoTemplate mongo, ReportRepository reports, ReportAuditOutbox audit, ReportProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.reports = reports;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(ReportShare.class).createIndex(new Index().on("reportId", Sort.Direction.ASC)
                .on("createdAt", Sort.Direction.DESC).named("reportId_createdAt"));
    }

    record Created(String token, String url, Instant expiresAt) {}

    record Listed(String token, String url, Instant createdAt, Instant expiresAt, Instant revokedAt, boolean open) {}

    Created create(String reportId, Integer days, Caller caller) {
        Report report = ownedReport(reportId, caller);
        int validity = days == null ? DEFAULT_DAYS : days;
        if (validity < 1 || validity > MAX_DAYS) {
            throw ApiProblem.validation("days", "must be between 1 and " + MAX_DAYS);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = now.plus(Duration.ofDays(validity));
        audit.record(AuditAction.REPORT_SHARED, actor(caller), report, caller.subject(), "until " + expiresAt);
        mongo.insert(new ReportShare(token, reportId, caller.subject(), now, expiresAt, null));
        return new Created(token, properties.shareUrl(token), expiresAt);
    }

    List<Listed> list(String reportId, Caller caller) {
        ownedReport(reportId, caller);
        Instant now = clock.instant();
        return mongo.find(Query.query(Criteria.where("reportId").is(reportId))
                        .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(100), ReportShare.class)
                .stream()
                .map(s -> new Listed(s.token(), properties.shareUrl(s.token()), s.createdAt(), s.expiresAt(),
                        s.revokedAt(), s.open(now)))
                .toList();
    }

    void revoke(String reportId, String token, Caller caller) {
        Report report = ownedReport(reportId, caller);
        ReportShare share = mongo.findById(token, ReportShare.class);
        if (share == null || !share.reportId().equals(reportId)) {
            throw ApiProblem.notFound("No share link " + token + " for report " + reportId + ".");
        }
        if (share.revokedAt() != null) return;
        audit.record(AuditAction.REPORT_SHARE_REVOKED, actor(caller), report, caller.subject(), null);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(token)),
                new Update().set("revokedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS)), ReportShare.class);
    }

    /** The report an open link leads to, the opening audited; empty when unknown, expired or revoked. */
    Optional<Report> open(String token, String action) {
        if (token == null || token.length() > 100) return Optional.empty();
        ReportShare share = mongo.findById(token, ReportShare.class);
        if (share == null || !share.open(clock.instant())) return Optional.empty();
        Optional<Report> report = reports.findById(share.reportId());
        report.ifPresent(r -> audit.record(action, SHARE_HOLDER, r, share.ownerSubject(), "share link"));
        return report;
    }

    private Report ownedReport(String reportId, Caller caller) {
        Report report = reports.findById(reportId)
                .orElseThrow(() -> ApiProblem.notFound("No report " + reportId + "."));
        boolean ownCheckOfOwnVehicle = caller.subject() != null
                && caller.subject().equals(report.ownerAccountId())
                && caller.subject().equals(report.requesterSubject());
        if (!ownCheckOfOwnVehicle) {
            throw ApiProblem.forbidden("Only the vehicle's owner may share a report, and only of a check they made "
                    + "themselves.");
        }
        return report;
    }

    private static AuditEvent.Actor actor(Caller caller) {
        return new AuditEvent.Actor(caller.subject(), caller.username(),
                caller.role().name().toLowerCase(java.util.Locale.ROOT), caller.organisation(),
                caller.organisationKind());
    }
}
