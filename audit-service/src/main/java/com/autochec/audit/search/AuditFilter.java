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
record AuditFilter(String plateKey, Instant from, Instant to, String username, int page, int size) {

    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,100}");

    static AuditFilter parse(String plate, String from, String to, String username, String page, String size, int maxSize) {
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
        int pageNumber = integer("page", page, 0, 0, 100_000, errors);
        int pageSize = integer("size", size, 20, 1, maxSize, errors);
        if (!errors.isEmpty()) {
            throw new ApiProblem(ProblemType.VALIDATION, "The search parameters are invalid.", Map.of("errors", List.copyOf(errors)));
        }
        return new AuditFilter(plateKey, fromInstant, toInstant, user, pageNumber, pageSize);
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
