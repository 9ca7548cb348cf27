package com.autochec.verification.config;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of verification-service ({@code autochec.verification.*}). The JSON body limit and the
 * outbox sweep are the platform's ({@code autochec.platform.*}).
 *
 * @param zone the zone whose calendar day the validity rules use
 * @param maxPhoto the largest plate photo accepted
 * @param imageGrace how old a pending photo check must be before the sweep re-sends its image (the
 *     send right after the upload comes first)
 * @param replicationFactor replication of the topics this service declares
 * @param readingDeadline how long a photo check waits for its plate reading before it completes as
 *     UNREADABLE with reason READING_TIMEOUT
 * @param evidenceRetention how long evidence photos (object and metadata) are kept
 * @param sightingWindow how far back a check looks for the same plate seen elsewhere or on another car
 * @param sightingRetention how long sightings (plate, time, place, what was observed) are kept
 * @param maxSpeedKmh the fastest average speed believed between two checks of one plate (impossible travel)
 * @param confirmationDeadline how long a photo check waits for its requester to confirm an uncertain reading
 * @param minReadingConfidence below this confidence a plate reading is uncertain and must be confirmed
 */
@ConfigurationProperties("autochec.verification")
public record VerificationProperties(
        @DefaultValue("Europe/Paris") ZoneId zone,
        @DefaultValue("10MB") DataSize maxPhoto,
        @DefaultValue("10s") Duration imageGrace,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("60s") Duration readingDeadline,
        @DefaultValue("31d") Duration evidenceRetention,
        @DefaultValue("7d") Duration sightingWindow,
        @DefaultValue("31d") Duration sightingRetention,
        @DefaultValue("200") double maxSpeedKmh,
        @DefaultValue("15m") Duration confirmationDeadline,
        @DefaultValue("0.7") double minReadingConfidence) {}
