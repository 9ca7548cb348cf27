package com.autochec.verification.fraud;

import com.autochec.verification.config.VerificationProperties;
import com.autochec.verification.rules.Reason;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The fraud signals of a check that carries an observation or a location: one indexed read of the
 * plate's recent sightings ({@code plate_at}), the pure {@link FraudSignals}, then this check recorded as
 * a sighting. Checks without any observation neither read nor write here (the public hot path is one
 * read of the read model). Sightings are deleted after {@code autochec.verification.sighting-retention}.
 */
@Component
public class Sightings {

    private static final Logger log = LoggerFactory.getLogger(Sightings.class);
    private static final int RECENT = 20;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final VerificationProperties properties;
    private final FraudSignals signals;

    Sightings(MongoTemplate mongo, Clock clock, VerificationProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
        this.signals = new FraudSignals(properties.maxSpeedKmh(), 20, FraudSignals.MIN_PHOTO_COLOUR_CONFIDENCE);
        SightingQueries.ensureIndexes(mongo);
    }

    /**
     * The signals of this check, then records it. Only agents' and admins' checks ({@code trusted}) compare
     * VINs, read the plate's recent sightings and are recorded as one: a public caller's observation is
     * compared with the registry's public make and colour only, and never tells where a plate was seen. The VIN
     * photo's reading ({@code vinPhoto}, null when none) is judged for agents and admins only. {@code at}: when the
     * plate was seen — the check's capture time for a check sent late from a device's offline queue, else now.
     */
    public List<Reason> signals(
            String checkId,
            String plate,
            FraudSignals.Registered registered,
            Observation observed,
            VinReading vinPhoto,
            boolean trusted,
            Instant at) {
        List<Reason> reasons = new ArrayList<>(trusted ? signals.vinPhoto(registered, vinPhoto) : List.of());
        reasons.addAll(observed(checkId, plate, registered, observed, trusted, at == null ? clock.instant() : at));
        return reasons;
    }

    private List<Reason> observed(
            String checkId,
            String plate,
            FraudSignals.Registered registered,
            Observation observed,
            boolean trusted,
            Instant now) {
        if (observed == null || observed.isEmpty() || plate == null) {
            return List.of();
        }
        if (!trusted) {
            Observation attributes =
                    new Observation(observed.make(), observed.colour(), null, null, null, observed.photoColour(),
                            observed.photoColourConfidence());
            return attributes.isEmpty()
                    ? List.of()
                    : signals.evaluate(registered, attributes, List.of(), checkId, now);
        }
        List<Sighting> recent = mongo.find(
                SightingQueries.recent(plate, now.minus(properties.sightingWindow()), RECENT), Sighting.class);
        List<Reason> reasons = signals.evaluate(registered, observed, recent, checkId, now);
        try {
            mongo.save(Sighting.of(checkId, plate, now, observed));
        } catch (DataAccessException e) {
            log.warn("Sighting of check {} not recorded: {}", checkId, e.getMessage());
        }
        return reasons;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void deleteExpired() {
        try {
            mongo.remove(SightingQueries.olderThan(clock.instant().minus(properties.sightingRetention())), Sighting.class);
        } catch (RuntimeException e) {
            log.warn("Sighting retention sweep failed, next round in one hour: {}", e.getMessage());
        }
    }
}
