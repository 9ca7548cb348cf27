package com.autochec.report.report;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A link an owner gave a buyer to one report of their vehicle (collection {@code report_shares}): the token (random,
 * 256 bits) is the id; it opens the report without login until {@code expiresAt}, unless revoked.
 */
@Document("report_shares")
record ReportShare(@Id String token, String reportId, String ownerSubject, Instant createdAt, Instant expiresAt,
        Instant revokedAt) {

    boolean open(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
