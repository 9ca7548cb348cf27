package com.autochec.report.report;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signed report as stored (collection {@code reports}). One per check ({@code checkId} unique). {@code sha256}
 * is the hash of the signed PDF file as issued; {@code contentSha256} the hash printed in its footer.
 */
@Document("reports")
record Report(
        @Id String id,
        String checkId,
        String plate,
        String verdict,
        String requesterSubject,
        String requesterRole,
        String organisation,
        Instant requestedAt,
        Instant createdAt,
        String sha256,
        String contentSha256,
        byte[] pdf) {}
