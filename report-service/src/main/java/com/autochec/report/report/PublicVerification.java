package com.autochec.report.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What anyone who scans a report's QR code may learn about it: that Autochec issued it, when, its verdict, the plate
 * partly masked and the SHA-256 of the file. No person data (no requester, organisation, owner).
 *
 * @param reportId the report's id
 * @param genuine always true: an unknown id is a 404
 * @param issuedAt when the report was issued
 * @param issuedAtText the same, in French, in the service's time zone
 * @param verdict the stable verdict code (OK, WARNING, FAIL, UNREADABLE)
 * @param verdictText the verdict in French
 * @param maskedPlate the plate with all but its first three and its last character masked
 * @param sha256 SHA-256 of the PDF file as issued
 */
record PublicVerification(
        String reportId,
        boolean genuine,
        Instant issuedAt,
        String issuedAtText,
        String verdict,
        String verdictText,
        String maskedPlate,
        String sha256) {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm (z)", Locale.FRANCE);

    static PublicVerification of(Report report, ZoneId zone) {
        String issuedAtText = report.createdAt() == null ? "—" : DATE_TIME.format(report.createdAt().atZone(zone));
        return new PublicVerification(report.id(), true, report.createdAt(), issuedAtText, report.verdict(),
                verdictText(report.verdict()), maskPlate(report.plate()), report.sha256());
    }

    /** The verdict as a person reads it; never the raw code. */
    static String verdictText(String verdict) {
        if (verdict == null) {
            return "Non précisé";
        }
        return switch (verdict) {
            case "OK" -> "Conforme";
            case "WARNING" -> "À vérifier";
            case "FAIL" -> "Non conforme";
            case "UNREADABLE" -> "Plaque illisible";
            case "NOT_FOUND" -> "Véhicule inconnu";
            default -> "Non précisé";
        };
    }

    /**
     * Masks a plate so that the page proves which report it is without publishing the vehicle: the first three
     * letters or digits and the last one stay, the others become {@code *}, separators stay ({@code AB-123-CD} →
     * {@code AB-1**-*D}). A plate of fewer than five letters and digits keeps only its first one.
     */
    static String maskPlate(String plate) {
        if (plate == null || plate.isBlank()) {
            return "—";
        }
        long alphanumerics = plate.chars().filter(Character::isLetterOrDigit).count();
        int keepFirst = alphanumerics >= 5 ? 3 : 1;
        long keepFromIndex = alphanumerics >= 5 ? alphanumerics - 1 : alphanumerics;
        StringBuilder masked = new StringBuilder(plate.length());
        int seen = 0;
        for (char c : plate.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                masked.append(seen < keepFirst || seen >= keepFromIndex ? c : '*');
                seen++;
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
