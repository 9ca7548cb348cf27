package com.autochec.report.report;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signed report as stored (collection {@code reports}). One per check ({@code checkId} unique). The PDF file
 * itself is in the object store under {@code pdfKey} ({@code pdfSize} bytes); {@code sha256} is the hash of that
 * file as issued, {@code contentSha256} the hash printed in its footer. The document stays small.
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
        String pdfKey,
        long pdfSize) {

    /** Where the PDF of a report lives in the object store. */
    static String pdfKey(String reportId) {
        return "reports/" + reportId + ".pdf";
    }
}
