package com.autochec.document.document;

import com.autochec.contracts.document.DocumentType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * What a reading proposes for a document's validity, derived from its extracted fields. A proposal is never the
 * document's validity: an admin confirms or corrects it when validating ({@link DocumentReviews}).
 * INSURANCE: VALID_FROM/VALID_UNTIL, POLICY_NUMBER, INSURER. INSPECTION (CT): INSPECTION_DATE, NEXT_DUE (the
 * proposed validUntil; for a COUNTER_VISIT without one, two months after the visit) and RESULT. REGISTRATION:
 * FIRST_REGISTRATION as validFrom.
 */
public record Proposal(LocalDate validFrom, LocalDate validUntil, String result, String reference, String issuer) {

    static final Proposal NONE = new Proposal(null, null, null, null, null);

    public static Proposal of(DocumentType type, List<VehicleDocument.ExtractedField> fields) {
        if (fields == null || fields.isEmpty() || type == null) return NONE;
        return switch (type) {
            case INSURANCE -> new Proposal(date(fields, "VALID_FROM"), date(fields, "VALID_UNTIL"), null,
                    text(fields, "POLICY_NUMBER"), text(fields, "INSURER"));
            case INSPECTION -> {
                LocalDate visit = date(fields, "INSPECTION_DATE");
                String result = InspectionResult.normalise(text(fields, "RESULT"));
                LocalDate due = date(fields, "NEXT_DUE");
                if (due == null && visit != null && InspectionResult.COUNTER_VISIT.equals(result)) due = visit.plusMonths(2);
                yield new Proposal(visit, due, result, text(fields, "REFERENCE"), text(fields, "CENTRE"));
            }
            case REGISTRATION -> new Proposal(date(fields, "FIRST_REGISTRATION"), null, null, null, null);
            default -> new Proposal(date(fields, "VALID_FROM"), date(fields, "VALID_UNTIL"), null,
                    text(fields, "REFERENCE"), null);
        };
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    static String text(List<VehicleDocument.ExtractedField> fields, String name) {
        for (var f : fields) {
            if (f.name() != null && f.name().toUpperCase(Locale.ROOT).equals(name) && f.value() != null && !f.value().isBlank()) {
                return f.value().strip();
            }
        }
        return null;
    }

    static LocalDate date(List<VehicleDocument.ExtractedField> fields, String name) {
        String value = text(fields, name);
        if (value == null) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
