package com.autochec.report.report;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signed report as stored (collection {@code reports}). One per check ({@code checkId} unique). The PDF file
 * itself is in the object store under {@code pdfKey} ({@code pdfSize} bytes); {@code sha256} is the hash of that
 * file as issued, {@code contentSha256} the hash printed in its footer. The document stays small. The English
 * version, printed on first request, is {@code pdfKeyEn} ({@code sha256En}). {@code ownerAccountId} is the checked
 * vehicle's owner account (who may share a report of their own check of it).
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
        long pdfSize,
        String ownerAccountId,
        String pdfKeyEn,
        String sha256En) {

    @PersistenceCreator
    Report {}

    /** A report as issued (French only; the English version is added on first request). */
    Report(String id, String checkId, String plate, String verdict, String requesterSubject, String requesterRole,
            String organisation, Instant requestedAt, Instant createdAt, String sha256, String contentSha256,
            String pdfKey, long pdfSize) {
        this(id, checkId, plate, verdict, requesterSubject, requesterRole, organisation, requestedAt, createdAt, sha256,
                contentSha256, pdfKey, pdfSize, null, null, null);
    }

    /** Where the check a report was made from is kept (JSON), to print it again in another language. */
    static String checkKey(String reportId) {
        return "reports/" + reportId + ".check.json";
    }

    static String pdfKeyEn(String reportId) {
        return "reports/" + reportId + ".en.pdf";
    }

    /** Where the PDF of a report lives in the object store. */
    static String pdfKey(String reportId) {
        return "reports/" + reportId + ".pdf";
    }
}
