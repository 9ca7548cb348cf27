package com.autochec.report.report;

import com.autochec.contracts.check.CheckCompleted;
import com.autochec.contracts.privacy.Purpose;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Everything printed on one report, worded in French and formatted, plus the SHA-256 of that content
 * (printed in the footer). Built from a {@link CheckCompleted}; no other lookup.
 */
record ReportContent(
        String reportId,
        String checkId,
        String plate,
        String verdict,
        String verdictText,
        String checkedAt,
        String requester,
        String purpose,
        String place,
        String source,
        String make,
        String model,
        String year,
        String colour,
        String fuel,
        String vin,
        String ownerName,
        String ownerTown,
        String documentsText,
        String readingText,
        List<Row> rows,
        String generatedAt,
        String contentSha256,
        ReportLanguage language) {

    static final String NONE = "—";
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm:ss (z)", Locale.FRANCE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

    /** One rule result line. */
    record Row(String severity, String code, String message) {}

    private static final DateTimeFormatter DATE_TIME_EN =
            DateTimeFormatter.ofPattern("dd/MM/yyyy 'at' HH:mm:ss (z)", Locale.UK);

    static ReportContent of(CheckCompleted check, String reportId, Instant createdAt, ZoneId zone) {
        return of(check, reportId, createdAt, zone, ReportLanguage.FR);
    }

    static ReportContent of(CheckCompleted check, String reportId, Instant createdAt, ZoneId zone,
            ReportLanguage lang) {
        boolean fr = lang.french();
        CheckCompleted.CheckedVehicle vehicle = check.vehicle();
        Instant checkedInstant = check.requestedAt() != null ? check.requestedAt() : createdAt;
        List<Row> rows = new ArrayList<>();
        if (check.reasons() != null) {
            for (CheckCompleted.Reason reason : check.reasons()) {
                if (reason != null) {
                    rows.add(new Row(text(reason.severity()), text(reason.code()),
                            fr ? message(reason) : text(reason.message())));
                }
            }
        }
        String plate = text(check.plate());
        String verdict = check.verdict() == null ? "" : check.verdict();
        DateTimeFormatter dateTime = fr ? DATE_TIME : DATE_TIME_EN;
        // a check sent late from a device's offline queue: when it was observed on the roadside, then sent
        String checkedAt = check.capturedAt() == null
                ? dateTime.format(checkedInstant.atZone(zone))
                : (fr ? "Constaté le " : "Observed on ") + dateTime.format(check.capturedAt().atZone(zone))
                        + (fr ? " — envoyé le " : " — sent on ") + dateTime.format(checkedInstant.atZone(zone));
        String requester = requester(check.requester());
        String documents = fr ? documents(check.documents()) : documentsEn(check.documents());
        String reading = fr ? reading(check.reading()) : readingEn(check.reading());
        String make = vehicle == null ? NONE : text(vehicle.make());
        String model = vehicle == null ? NONE : text(vehicle.model());
        String year = vehicle == null || vehicle.year() <= 0 ? NONE : String.valueOf(vehicle.year());
        String colour = vehicle == null ? NONE : text(vehicle.colour());
        String fuel = vehicle == null ? NONE : text(vehicle.fuel());
        String vin = vehicle == null ? NONE : text(vehicle.vin());
        String ownerName = vehicle == null ? NONE : text(vehicle.ownerName());
        String ownerTown = vehicle == null ? NONE : text(vehicle.ownerTown());
        String purpose = purpose(check.purpose(), fr);
        String place = place(check.location(), fr);
        String source = fr ? source(check.source()) : sourceEn(check.source());

        StringBuilder canonical = new StringBuilder()
                .append("reportId=").append(reportId).append('\n')
                .append("checkId=").append(check.checkId()).append('\n')
                .append("plate=").append(plate).append('\n')
                .append("verdict=").append(verdict).append('\n')
                .append("requestedAt=").append(checkedInstant).append('\n')
                .append(check.capturedAt() == null ? "" : "capturedAt=" + check.capturedAt() + "\n")
                .append("requester=").append(requester).append('\n')
                .append("purpose=").append(purpose).append('\n')
                .append("place=").append(place).append('\n')
                .append("lang=").append(lang.name()).append('\n')
                .append("source=").append(source).append('\n')
                .append("vehicle=").append(String.join("|", make, model, year, colour, fuel, vin, ownerName, ownerTown))
                .append('\n')
                .append("documents=").append(documents).append('\n')
                .append("reading=").append(reading).append('\n');
        rows.forEach(row -> canonical.append("reason=").append(row.severity()).append('|').append(row.code())
                .append('|').append(row.message()).append('\n'));

        return new ReportContent(reportId, check.checkId(), plate, verdict,
                fr ? verdictText(verdict) : verdictTextEn(verdict), checkedAt, requester, purpose, place, source, make,
                model, year, colour, fuel, vin, ownerName, ownerTown, documents, reading, List.copyOf(rows),
                (fr ? "Émis le " : "Issued on ") + dateTime.format(createdAt.atZone(zone)),
                sha256(canonical.toString()), lang);
    }

    /** The purpose's label when it is a {@link Purpose} code (free text of older checks as sent). */
    static String purpose(String purpose, boolean fr) {
        if (purpose == null || purpose.isBlank()) return NONE;
        try {
            Purpose code = Purpose.parse(purpose);
            return fr ? code.labelFr() : code.labelEn();
        } catch (IllegalArgumentException freeText) {
            return purpose;
        }
    }

    static String verdictTextEn(String verdict) {
        return switch (verdict) {
            case "OK" -> "COMPLIANT (OK)";
            case "WARNING" -> "TO BE CHECKED (WARNING)";
            case "FAIL" -> "NOT COMPLIANT (FAIL)";
            case "UNREADABLE" -> "PLATE UNREADABLE (UNREADABLE)";
            case "NOT_FOUND" -> "UNKNOWN VEHICLE (NOT_FOUND)";
            default -> verdict.isBlank() ? NONE : verdict;
        };
    }

    private static String sourceEn(String source) {
        if (source == null || source.isBlank()) return NONE;
        return switch (source.toUpperCase(Locale.ROOT)) {
            case "TYPED" -> "Typed plate";
            case "PHOTO" -> "Photo of the plate";
            default -> source;
        };
    }

    private static String documentsEn(List<CheckCompleted.DocumentValidity> documents) {
        if (documents == null || documents.isEmpty()) return "No document on record.";
        List<String> lines = new ArrayList<>();
        for (CheckCompleted.DocumentValidity document : documents) {
            if (document == null) continue;
            String type = document.type() == null ? "Document" : switch (document.type()) {
                case "REGISTRATION" -> "Registration certificate";
                case "INSURANCE" -> "Insurance";
                case "INSPECTION" -> "Technical inspection";
                case "ROAD_TAX" -> "Road tax";
                default -> document.type();
            };
            String until = document.validUntil() == null ? "" : " — until " + date(document.validUntil());
            lines.add(type + ": " + (document.valid() ? "valid" : "NOT VALID") + until);
        }
        return lines.isEmpty() ? "No document on record." : String.join("\n", lines);
    }

    private static String readingEn(CheckCompleted.PlateReading reading) {
        if (reading == null || reading.text() == null) return "Not applicable (typed plate).";
        long percent = Math.round(reading.confidence() <= 1.0 ? reading.confidence() * 100 : reading.confidence());
        return "Read \u201c" + reading.text() + "\u201d, confidence " + percent + " %, engine " + text(reading.engine());
    }

    static String verdictText(String verdict) {
        return switch (verdict) {
            case "OK" -> "CONFORME (OK)";
            case "WARNING" -> "À VÉRIFIER (WARNING)";
            case "FAIL" -> "NON CONFORME (FAIL)";
            case "UNREADABLE" -> "PLAQUE ILLISIBLE (UNREADABLE)";
            case "NOT_FOUND" -> "VÉHICULE INCONNU (NOT_FOUND)";
            default -> verdict.isBlank() ? NONE : verdict;
        };
    }

    private static String requester(CheckCompleted.Requester requester) {
        if (requester == null) {
            return NONE;
        }
        String who = text(requester.username());
        String role = requester.role() == null ? "" : " (" + requester.role() + ")";
        return requester.organisation() == null || requester.organisation().isBlank()
                ? who + role
                : who + role + " — " + requester.organisation();
    }

    private static String source(String source) {
        if (source == null || source.isBlank()) {
            return NONE;
        }
        return switch (source.toUpperCase(Locale.ROOT)) {
            case "TYPED" -> "Plaque saisie";
            case "PHOTO" -> "Photo de la plaque";
            default -> source;
        };
    }

    private static String documents(List<CheckCompleted.DocumentValidity> documents) {
        if (documents == null || documents.isEmpty()) {
            return "Aucun document enregistré.";
        }
        List<String> lines = new ArrayList<>();
        for (CheckCompleted.DocumentValidity document : documents) {
            if (document == null) {
                continue;
            }
            String until = document.validUntil() == null ? "" : " — échéance " + date(document.validUntil());
            lines.add(documentType(document.type()) + " : " + (document.valid() ? "valide" : "NON VALIDE") + until);
        }
        return lines.isEmpty() ? "Aucun document enregistré." : String.join("\n", lines);
    }

    private static String documentType(String type) {
        if (type == null) {
            return "Document";
        }
        return switch (type) {
            case "REGISTRATION" -> "Certificat d'immatriculation";
            case "INSURANCE" -> "Assurance";
            case "INSPECTION" -> "Contrôle technique";
            case "ROAD_TAX" -> "Taxe routière";
            default -> type;
        };
    }

    private static String date(String iso) {
        try {
            return DATE.format(LocalDate.parse(iso.length() > 10 ? iso.substring(0, 10) : iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static String reading(CheckCompleted.PlateReading reading) {
        if (reading == null || reading.text() == null) {
            return "Sans objet (plaque saisie).";
        }
        long percent = Math.round(reading.confidence() <= 1.0 ? reading.confidence() * 100 : reading.confidence());
        return "Lecture « " + reading.text() + " », confiance " + percent + " %, moteur " + text(reading.engine());
    }

    /** The rule's message in French when the event carries one (events before it existed do not), else as sent. */
    static String message(CheckCompleted.Reason reason) {
        return reason.messageFr() == null || reason.messageFr().isBlank() ? text(reason.message()) : reason.messageFr();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The check's place as the agent's device stated it (coordinates, no reverse geocoding), else "not stated". */
    static String place(CheckCompleted.Location location, boolean fr) {
        if (location == null) {
            return fr ? "non renseigné" : "not stated";
        }
        return String.format(java.util.Locale.ROOT, "%.5f, %.5f (latitude, longitude)", location.lat(), location.lon());
    }
}
