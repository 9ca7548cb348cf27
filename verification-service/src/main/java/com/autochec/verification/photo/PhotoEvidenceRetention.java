package com.autochec.verification.photo;

import com.autochec.verification.config.VerificationProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * ANPR evidence is kept for a bounded time: shortly after start-up and then daily, deletes the evidence
 * photos (objects and metadata) stored more than {@code autochec.verification.evidence-retention}
 * (default 31 days) before now, by the injected clock, through the {@code created_at} index. Then
 * removes what is left under the object-store days that are wholly past the retention (the objects of a
 * crash between the object write and the metadata write), going back {@value #ORPHAN_DAYS} days.
 */
@Component
class PhotoEvidenceRetention {

    static final int ORPHAN_DAYS = 60;

    private static final Logger log = LoggerFactory.getLogger(PhotoEvidenceRetention.class);
    private static final int BATCH = 500;

    private final PhotoEvidenceStore evidence;
    private final Clock clock;
    private final VerificationProperties properties;

    PhotoEvidenceRetention(PhotoEvidenceStore evidence, Clock clock, VerificationProperties properties) {
        this.evidence = evidence;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(
            initialDelayString = "${autochec.verification.evidence-sweep-initial-delay:30s}",
            fixedDelayString = "${autochec.verification.evidence-sweep-interval:1d}")
    void scheduled() {
        try {
            evidence.migrateLegacy();
            deleteExpired();
        } catch (RuntimeException e) {
            log.warn("Evidence retention stopped, next round in one interval: {}", e.getMessage());
        }
    }

    /** Deletes the expired evidence now; returns how many photos had metadata. */
    int deleteExpired() {
        Instant cutoff = clock.instant().minus(properties.evidenceRetention());
        int deleted = 0;
        int round;
        do {
            round = evidence.deleteStoredBefore(cutoff, BATCH);
            deleted += round;
        } while (round == BATCH);
        // the days entirely before the cutoff: nothing there may be kept, with or without metadata
        LocalDate lastWholeDay = LocalDate.ofInstant(cutoff, ZoneOffset.UTC).minusDays(1);
        int orphans = 0;
        for (int back = 0; back < ORPHAN_DAYS; back++) {
            orphans += evidence.deleteDay(lastWholeDay.minusDays(back));
        }
        if (deleted > 0 || orphans > 0) {
            log.info("Evidence retention: {} photos stored before {} deleted ({} objects without metadata)",
                    deleted, cutoff, orphans);
        }
        return deleted;
    }
}
