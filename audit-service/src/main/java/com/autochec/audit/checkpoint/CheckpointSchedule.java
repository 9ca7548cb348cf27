package com.autochec.audit.checkpoint;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Writes a checkpoint at a fixed interval and a last one at shutdown. Its lifecycle phase is below the Kafka
 * listener containers': it stops after them, so the last checkpoint covers every entry this instance appended.
 */
class CheckpointSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);
    static final int PHASE = Integer.MAX_VALUE - 1000;

    private final Checkpoints checkpoints;
    private final Duration interval;
    private ScheduledExecutorService executor;

    CheckpointSchedule(Checkpoints checkpoints, Duration interval) {
        this.checkpoints = checkpoints;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "audit-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::checkpointQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) return;
        executor.shutdownNow();
        executor = null;
        checkpointQuietly();
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void checkpointQuietly() {
        try {
            checkpoints.checkpoint();
        } catch (RuntimeException e) {
            log.warn("Cannot write the audit checkpoint (next attempt in {}): {}", interval, e.toString());
        }
    }
}
