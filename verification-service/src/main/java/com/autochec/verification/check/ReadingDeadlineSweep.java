package com.autochec.verification.check;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * No photo check waits forever: at the platform's outbox sweep interval, completes the pending photo
 * checks whose reading deadline ({@code autochec.verification.reading-deadline}) has passed, as
 * UNREADABLE with reason READING_TIMEOUT (index {@code reading_deadline} on status and deadline).
 */
@Component
class ReadingDeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(ReadingDeadlineSweep.class);
    private static final int BATCH = 100;

    private final CheckService checks;

    ReadingDeadlineSweep(CheckService checks) {
        this.checks = checks;
    }

    @Scheduled(
            initialDelayString = "${autochec.platform.outbox.sweep-interval:5s}",
            fixedDelayString = "${autochec.platform.outbox.sweep-interval:5s}")
    void sweep() {
        try {
            while (checks.timeOutOverdueReadings(BATCH) == BATCH) {
                // more overdue checks than one batch: go on
            }
        } catch (RuntimeException e) {
            log.warn("Reading-deadline sweep stopped, next round in one interval: {}", e.getMessage());
        }
    }
}
