package com.autochec.contracts.fraud;

import java.time.Instant;
import java.util.Map;

/**
 * A check raised a fraud signal (topic {@link com.autochec.contracts.Topics#FRAUD_SIGNALS}, key: the plate).
 * One event per signal of a completed check: the same check and code always carry the same {@code eventId}, so a
 * consumer (admin alerts, webhooks) that dedupes by it never alerts twice. Carries no person data: no owner, no
 * requester's name, only the requester's organisation.
 *
 * @param eventId       stable per check and code
 * @param occurredAt    when the check completed
 * @param plate         the checked plate, normalised (AA-123-AA)
 * @param checkId       the check that raised it
 * @param code          the signal's stable code: {@code ATTRIBUTES_COLOUR_MISMATCH}, {@code ATTRIBUTES_MAKE_MISMATCH},
 *                      {@code VIN_MISMATCH}, {@code PLATE_SEEN_ON_OTHER_VEHICLE}, {@code IMPOSSIBLE_TRAVEL}
 *                      (see docs/rules.md)
 * @param severity      {@code WARNING} or {@code FAIL}
 * @param message       English message
 * @param messageFr     French message
 * @param evidence      what the signal was decided from (ordered key/value strings, as in the check's reasons)
 * @param organisation  the requester's organisation, null when none (an admin without one)
 * @param vehicleId     the registry's vehicle, null when none matched
 */
public record FraudSignalRaised(
        String eventId,
        Instant occurredAt,
        String plate,
        String checkId,
        String code,
        String severity,
        String message,
        String messageFr,
        Map<String, String> evidence,
        String organisation,
        String vehicleId) {}
