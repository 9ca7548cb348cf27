package com.autochec.report.report;

import java.time.Instant;

/** Public authenticity data of an issued report: no personal data. */
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
        return new ReportVerification(report.id(), report.checkId(), report.plate(), report.verdict(),
                report.createdAt(), report.sha256(), report.contentSha256(), true);
    }
}
