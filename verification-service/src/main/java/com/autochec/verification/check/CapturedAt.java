package com.autochec.verification.check;

import com.autochec.platform.problem.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * When a check was really made on the roadside, as the client states it ({@code capturedAt}, an ISO-8601
 * instant such as {@code 2026-03-14T09:00:00.000Z}): a check kept in the device's offline queue is sent
 * later with its original time. The rules then judge the documents as of that instant, and the sighting is
 * recorded at that instant. Accepted from {@link #MAX_AGE} ago up to {@link #MAX_SKEW} ahead of the
 * service's clock (a phone's clock may run a little fast); anything else is a 400 validation problem.
 */
final class CapturedAt {

    /** How far ahead of the service's clock a capture time may be (device clock skew). */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    /** How old a capture time may be: an offline queue older than this is refused. */
    static final Duration MAX_AGE = Duration.ofDays(7);

    private CapturedAt() {}

    /** The instant stated, or null when none was; a 400 problem when it is malformed, in the future or too old. */
    static Instant parse(String raw, Instant now) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.validation("capturedAt", "must be an ISO-8601 instant such as 2026-03-14T09:00:00Z");
        }
        if (at.isAfter(now.plus(MAX_SKEW))) {
            throw ApiProblem.validation("capturedAt", "is in the future (more than "
                    + MAX_SKEW.toMinutes() + " minutes ahead of the service's clock)");
        }
        if (at.isBefore(now.minus(MAX_AGE))) {
            throw ApiProblem.validation("capturedAt", "is more than " + MAX_AGE.toDays()
                    + " days old: a check kept offline longer is not accepted");
        }
        return at;
    }
}
