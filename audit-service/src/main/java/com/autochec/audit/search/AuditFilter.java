package com.autochec.audit.search;

import com.autochec.contracts.plate.Plate;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import com.autochec.platform.problem.ProblemType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validated search parameters. Every value is parsed into a plain type before it reaches a query, so
 * nothing the caller sends can become a MongoDB operator.
 */
record AuditFilter(String plateKey, Instant from, Instant to, String username, String organisation, String purpose,
        String verdict, String action, int page, int size) {

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,100}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z_]{1,64}");
    private static final Pattern ORGANISATION = Pattern.compile("[\\p{L}\\p{N} .,'()&/_-]{1,200}");

    AuditFilter(String plateKey, Instant from, Instant to, String username, int page, int size) {
        this(plateKey, from, to, username, null, null, null, null, page, size);
    }

    static AuditFilter parse(String plate, String from, String to, String username, String page, String size, int maxSize) {
        return parse(plate, from, to, username, null, null, null, null, page, size, maxSize);
    }

    /**
     * Every value checked against a whitelist pattern and kept as a plain string: {@code purpose}, {@code verdict}
     * and {@code action} are codes (upper-cased), {@code organisation} the exact name.
     */
    static AuditFilter parse(String plate, String from, String to, String username, String organisation,
            String purpose, String verdict, String action, String page, String size, int maxSize) {
        List<FieldError> errors = new ArrayList<>();
        String plateKey = null;
        if (plate != null && !plate.isBlank()) {
            plateKey = plateKey(plate);
            if (plateKey == null) errors.add(new FieldError("plate", "is not a valid licence plate"));
        }
        Instant fromInstant = instant("from", from, false, errors);
        Instant toInstant = instant("to", to, true, errors);
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            errors.add(new FieldError("from", "must not be after to"));
        }
        String user = null;
        if (username != null && !username.isBlank()) {
            user = username.strip();
            if (!USERNAME.matcher(user).matches()) {
                errors.add(new FieldError("username", "must be 1-100 letters, digits or . _ @ + -"));
            }
        }
        String org = null;
        if (organisation != null && !organisation.isBlank()) {
            org = organisation.strip();
            if (!ORGANISATION.matcher(org).matches()) {
                errors.add(new FieldError("organisation", "must be 1-200 letters, digits, spaces or . , ' ( ) & / _ -"));
            }
        }
        String purposeCode = code("purpose", purpose, errors);
        String verdictCode = code("verdict", verdict, errors);
        String actionCode = code("action", action, errors);
        int pageNumber = integer("page", page, 0, 0, 100_000, errors);
        int pageSize = integer("size", size, 20, 1, maxSize, errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(ProblemType.VALIDATION, "The search parameters are invalid.", Map.of("errors", List.copyOf(errors)));
        }
        return new AuditFilter(plateKey, fromInstant, toInstant, user, org, purposeCode, verdictCode, actionCode,
                pageNumber, pageSize);
    }

    /** This filter with another page size (the CSV export's row limit), first page. */
    AuditFilter withSize(int newSize) {
        return new AuditFilter(plateKey, from, to, username, organisation, purpose, verdict, action, 0, newSize);
    }

    private static String code(String field, String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) return null;
        String v = raw.strip();
        if (!CODE.matcher(v).matches()) {
            errors.add(new FieldError(field, "must be a code of 1-64 letters or _"));
            return null;
        }
        return v.toUpperCase(Locale.ROOT);
    }

    /**
     * The plate's compact form (letters and digits, upper case), null unless {@link Plate#parse} accepts
     * it. Foreign plates are accepted: checks of them are audited too.
     */
    static String plateKey(String raw) {
        return Plate.tryParse(raw).map(Plate::compact).orElse(null);
    }

    private static Instant instant(String field, String raw, boolean endOfDay, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) return null;
        String v = raw.strip();
        try {
            if (v.length() == 10) {
                LocalDate date = LocalDate.parse(v);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .minusMillis(endOfDay ? 1 : 0);
            }
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date (yyyy-MM-dd) or an ISO-8601 instant"));
            return null;
        }
    }

    private static int integer(String field, String raw, int dflt, int min, int max, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) return dflt;
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) return v;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new FieldError(field, "must be an integer between " + min + " and " + max));
        return dflt;
    }
}
