package com.autochec.report.report;

/**
 * Outcome of checking an uploaded PDF.
 *
 * @param authentic issued by Autochec, byte for byte, and its signature is valid, ours and covers the whole file
 * @param issued a report with exactly this SHA-256 was issued
 * @param signed the PDF carries a signature
 * @param signatureValid the CMS signature verifies over the signed byte range
 * @param signedByAutochec the signer certificate is report-service's
 * @param coversWholeDocument nothing was appended after the signature
 * @param sha256 SHA-256 of the uploaded file
 * @param report the matching report's public data, or null
 */
record PdfVerification(
        boolean authentic,
        boolean issued,
        boolean signed,
        boolean signatureValid,
        boolean signedByAutochec,
        boolean coversWholeDocument,
        String sha256,
        ReportVerification report) {}
