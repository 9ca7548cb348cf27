package com.autochec.document.importing;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.vin.Vin;
import com.autochec.document.document.DocumentContent;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One validated CSV row: {@code document_id,vin,plate,type,issuer,reference,valid_from,valid_until,result,status}.
 * A blank status means VALIDATED (imports come from the authoritative data sources).
 */
record DocumentRow(String documentId, DocumentContent content) {

    static final List<String> HEADER = List.of(
            "document_id", "vin", "plate", "type", "issuer", "reference", "valid_from", "valid_until", "result", "status");
    static final Set<String> RESULTS = Set.of("FAVOURABLE", "UNFAVOURABLE", "COUNTER_VISIT");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int MAX_TEXT = 200;

    /** The row, or the reasons it is rejected (joined into one message per line). */
    record Parsed(DocumentRow row, List<String> problems) {}

    static Parsed parse(Map<String, String> raw) {
        List<String> problems = new ArrayList<>();
        String id = value(raw, "document_id");
        if (id == null) problems.add("document_id is required");
        else if (!ID.matcher(id).matches()) problems.add("document_id must be 1-64 letters, digits or . _ : -");

        String vinRaw = value(raw, "vin");
        String vin = null;
        if (vinRaw == null) problems.add("vin is required");
        else vin = Vin.tryParse(vinRaw).map(Vin::value).orElse(null);
        if (vinRaw != null && vin == null) problems.add("vin must be 17 letters or digits without I, O or Q");

        String plateRaw = value(raw, "plate");
        String plate = plateRaw == null
                ? null
                : Plate.tryParse(plateRaw).filter(Plate::isFrench).map(Plate::value).orElse(null);
        if (plateRaw != null && plate == null) problems.add("plate '" + shorten(plateRaw) + "' is not a valid licence plate");

        DocumentType type = null;
        String typeRaw = value(raw, "type");
        if (typeRaw == null) problems.add("type is required");
        else {
            try {
                type = DocumentType.valueOf(typeRaw.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("type must be one of REGISTRATION, INSURANCE, INSPECTION, ROAD_TAX");
            }
        }

        DocumentStatus status = DocumentStatus.VALIDATED;
        String statusRaw = value(raw, "status");
        if (statusRaw != null) {
            try {
                status = DocumentStatus.valueOf(statusRaw.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add("status must be one of PENDING, VALIDATED, REJECTED");
            }
        }

        LocalDate from = date(raw, "valid_from", problems);
        LocalDate until = date(raw, "valid_until", problems);
        if (from != null && until != null && from.isAfter(until)) problems.add("valid_from is after valid_until");
        if (until == null && (type == DocumentType.INSURANCE || type == DocumentType.INSPECTION)
                && value(raw, "valid_until") == null) {
            problems.add("valid_until is required for " + type);
        }

        String result = value(raw, "result");
        if (result != null) {
            result = result.toUpperCase(Locale.ROOT);
            if (!RESULTS.contains(result)) problems.add("result must be one of FAVOURABLE, UNFAVOURABLE, COUNTER_VISIT");
            else if (type != null && type != DocumentType.INSPECTION) problems.add("result only applies to INSPECTION");
        }

        String issuer = text(raw, "issuer", problems);
        String reference = text(raw, "reference", problems);
        if (!problems.isEmpty()) return new Parsed(null, problems);
        return new Parsed(
                new DocumentRow(id, new DocumentContent(vin, plate, type, status, issuer, reference, from, until, result)),
                List.of());
    }

    private static String value(Map<String, String> raw, String column) {
        String v = raw.get(column);
        if (v == null) return null;
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    private static String text(Map<String, String> raw, String column, List<String> problems) {
        String v = value(raw, column);
        if (v != null && v.length() > MAX_TEXT) {
            problems.add(column + " is longer than " + MAX_TEXT + " characters");
            return null;
        }
        return v;
    }

    private static LocalDate date(Map<String, String> raw, String column, List<String> problems) {
        String v = value(raw, column);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(column + " '" + shorten(v) + "' is not a date (yyyy-MM-dd)");
            return null;
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
