package com.autochec.report.report;

import java.time.Instant;

/**
 * Public authenticity data of an issued report (the legacy JSON of {@code /api/reports/{id}/verification}): no
 * person data, and the plate masked as on the verification page (anyone holding the QR code may read this).
 */
record ReportVerification(
        String reportId,
        String checkId,
        String plate,
        String verdict,
        Instant createdAt,
        String sha256,
        String contentSha256,
        boolean signed) {

    static ReportVerification of(Report report) {
        return new ReportVerification(report.id(), report.checkId(),
                PublicVerification.maskPlate(report.plate()), report.verdict(),
                report.createdAt(), report.sha256(), report.contentSha256(), true);
    }
}
