package com.autochec.report.report;

import com.autochec.report.signing.PdfSignatureVerifier;
import java.time.ZoneId;

/**
 * Outcome of checking an uploaded PDF.
 *
 * @param result GENUINE (issued by Autochec byte for byte, signature valid, ours, covering the whole file), ALTERED
 *     (it carries Autochec's signature but the bytes are not those of an issued report: a changed byte, an appended
 *     update, an invalid signature) or UNKNOWN (not signed by Autochec and not an issued report)
 * @param resultText the result in French
 * @param authentic {@code result == GENUINE}
 * @param issued a report with exactly this SHA-256 was issued
 * @param signed the PDF carries a signature
 * @param signatureValid the CMS signature verifies over the signed byte range
 * @param signedByAutochec the signer certificate is report-service's
 * @param coversWholeDocument nothing was appended after the signature
 * @param sha256 SHA-256 of the uploaded file
 * @param report the matching report's public data (plate partly masked, no person data), or null
 */
record PdfVerification(
        String result,
        String resultText,
        boolean authentic,
        boolean issued,
        boolean signed,
        boolean signatureValid,
        boolean signedByAutochec,
        boolean coversWholeDocument,
        String sha256,
        PublicVerification report) {

    static final String GENUINE = "GENUINE";
    static final String ALTERED = "ALTERED";
    static final String UNKNOWN = "UNKNOWN";

    static PdfVerification of(PdfSignatureVerifier.Result signature, String sha256, Report issued, ZoneId zone) {
        String result;
        if (issued != null && signature.trustworthy()) {
            result = GENUINE;
        } else if (issued != null || signature.byUs()) {
            result = ALTERED; // our report or our signature, but not the bytes we issued
        } else {
            result = UNKNOWN;
        }
        return new PdfVerification(result, resultText(result), GENUINE.equals(result), issued != null,
                signature.signed(), signature.valid(), signature.byUs(), signature.coversWholeFile(), sha256,
                issued == null ? null : PublicVerification.of(issued, zone));
    }

    static String resultText(String result) {
        return switch (result) {
            case GENUINE -> "Authentique : ce fichier est, à l'octet près, un rapport émis et signé par Autochec.";
            case ALTERED -> "Modifié : ce fichier porte la signature d'Autochec mais a été modifié après son émission.";
            default -> "Inconnu : ce fichier n'est pas un rapport émis par Autochec.";
        };
    }
}
