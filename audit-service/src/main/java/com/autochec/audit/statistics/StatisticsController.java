package com.autochec.audit.statistics;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import com.autochec.platform.problem.ProblemType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/statistics?from=yyyy-MM-dd&to=yyyy-MM-dd} for admins (default: today; at most 92 days). */
@RestController
class StatisticsController {

    static final int MAX_DAYS = 92;

    private final Statistics statistics;
    private final Clock clock;

    StatisticsController(Statistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping("/api/statistics")
    StatisticsResponse statistics(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Statistics.ZONE);
        List<FieldError> errors = new ArrayList<>();
        LocalDate end = date("to", to, today, errors);
        LocalDate start = date("from", from, end, errors);
        if (errors.isEmpty() && start.isAfter(end)) errors.add(new FieldError("from", "must not be after to"));
        if (errors.isEmpty() && ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            errors.add(new FieldError("from", "the period is limited to " + MAX_DAYS + " days"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(ProblemType.VALIDATION, "The statistics parameters are invalid.",
                    Map.of("errors", List.copyOf(errors)));
        }
        return statistics.between(start, end);
    }

    private static LocalDate date(String field, String raw, LocalDate dflt, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) return dflt;
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date (yyyy-MM-dd)"));
            return dflt;
        }
    }
}
