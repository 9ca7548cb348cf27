package com.autochec.verification.check;

import com.autochec.contracts.Topics;
import com.autochec.verification.config.VerificationProperties;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Outbox relay of {@code CheckCompleted}: each completed check is kicked right after its write (the
 * send runs off the request thread, so a slow or absent broker never slows a check down) and marked
 * published once the broker acknowledged it. The sweep re-sends whatever was left (queue full,
 * broker down, crash between the write and the send). At least once; consumers dedupe by eventId.
 */
@Component
class CompletedCheckRelay {

    private static final Logger log = LoggerFactory.getLogger(CompletedCheckRelay.class);
    private static final int SWEEP_BATCH = 500;

    private final KafkaTemplate<String, Object> kafka;
    private final CheckRepository checks;
    private final Clock clock;
    private final VerificationProperties properties;
    private final ThreadPoolExecutor executor;
    private final ThreadPoolExecutor marker;

    CompletedCheckRelay(
            KafkaTemplate<String, Object> kafka,
            CheckRepository checks,
            Clock clock,
            VerificationProperties properties) {
        this.kafka = kafka;
        this.checks = checks;
        this.clock = clock;
        this.properties = properties;
        this.executor = boundedExecutor("check-outbox-send", properties.outboxQueue());
        this.marker = boundedExecutor("check-outbox-mark", properties.outboxQueue());
    }

    /** Two threads and a bounded queue; when it is full the work is left to the sweep. */
    private static ThreadPoolExecutor boundedExecutor(String name, int queue) {
        return new ThreadPoolExecutor(
                2,
                2,
                0L,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue),
                runnable -> {
                    Thread thread = new Thread(runnable, name);
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Publishes a just-written completed check, asynchronously. */
    void kick(CheckDocument check) {
        executor.execute(() -> send(check));
    }

    /** Sends the event; the returned future completes when the broker acknowledged it. */
    CompletableFuture<?> send(CheckDocument check) {
        try {
            return kafka.send(Topics.CHECK_COMPLETED, check.id(), CheckEvents.completed(check))
                    .whenComplete((result, error) -> {
                        if (error == null) {
                            marker.execute(() -> checks.markPublished(check.id()));
                        } else {
                            log.warn("CheckCompleted {} not sent yet: {}", check.id(), error.getMessage());
                        }
                    });
        } catch (RuntimeException e) {
            log.warn("CheckCompleted {} not sent yet: {}", check.id(), e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
    }

    @Scheduled(
            initialDelayString = "${autochec.verification.outbox-sweep-interval:5s}",
            fixedDelayString = "${autochec.verification.outbox-sweep-interval:5s}")
    void sweep() {
        List<CheckDocument> leftovers =
                checks.unpublishedCompleted(clock.instant().minus(properties.outboxGrace()), SWEEP_BATCH);
        if (leftovers.isEmpty()) {
            return;
        }
        log.info("Re-sending {} unpublished CheckCompleted events", leftovers.size());
        CompletableFuture<?>[] sends = leftovers.stream().map(this::send).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Outbox sweep incomplete: {}", e.getMessage());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        marker.shutdown();
        marker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
