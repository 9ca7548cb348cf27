package com.autochec.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes one {@link OutboxSource}: read a batch of pending entries, send them all, flush, wait for
 * the broker's acknowledgements, then mark exactly the acknowledged ones published. Runs on its own
 * thread when kicked (kicks that arrive while it works coalesce into one more pass) and on a sweep.
 * Delivery is at least once; consumers are idempotent by event id or version.
 */
public final class OutboxRelay<T> {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxSource<T> source;
    private final KafkaTemplate<String, Object> kafka;
    private final int batchSize;
    private final Duration sendTimeout;
    private final Counter published;
    private final Counter failed;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean kickQueued = new AtomicBoolean();
    private final ExecutorService worker;

    OutboxRelay(
            OutboxSource<T> source,
            KafkaTemplate<String, Object> kafka,
            int batchSize,
            Duration sendTimeout,
            MeterRegistry meters) {
        this.source = source;
        this.kafka = kafka;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.published = Counter.builder("autochec.outbox.published")
                .description("Outbox events published and marked")
                .tag("outbox", source.name())
                .register(meters);
        this.failed = Counter.builder("autochec.outbox.failed")
                .description("Outbox events whose send failed (the sweep retries them)")
                .tag("outbox", source.name())
                .register(meters);
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-" + source.name());
            thread.setDaemon(true);
            return thread;
        });
    }

    public OutboxSource<T> source() {
        return source;
    }

    /** Asks for a pass soon on the relay thread; returns at once. */
    public void kick() {
        if (kickQueued.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    kickQueued.set(false);
                    relayPending();
                });
            } catch (RejectedExecutionException shuttingDown) {
                kickQueued.set(false);
            }
        }
    }

    /** The safety net: whatever is still pending goes now (skipped while a pass runs: it sees the same entries). */
    void sweep() {
        if (!running.isLocked()) {
            kick();
        }
    }

    /** Publishes every pending entry, batch after batch, in the calling thread; returns how many were marked. */
    public int relayPending() {
        running.lock();
        try {
            int total = 0;
            while (true) {
                List<T> batch = source.pending(batchSize);
                if (batch.isEmpty()) {
                    return total;
                }
                List<T> acknowledged = publish(batch);
                if (!acknowledged.isEmpty()) {
                    source.markPublished(acknowledged);
                }
                published.increment(acknowledged.size());
                total += acknowledged.size();
                if (acknowledged.size() < batch.size() || batch.size() < batchSize) {
                    return total; // broker trouble (the sweep retries) or nothing more to read
                }
            }
        } catch (RuntimeException e) {
            log.warn("Outbox {} relay pass failed, the next sweep retries: {}", source.name(), e.toString());
            return 0;
        } finally {
            running.unlock();
        }
    }

    private List<T> publish(List<T> batch) {
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
        for (T entry : batch) {
            try {
                sends.add(kafka.send(source.topic(), source.key(entry), source.event(entry)));
            } catch (RuntimeException e) {
                sends.add(CompletableFuture.failedFuture(e));
            }
        }
        kafka.flush();
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        List<T> acknowledged = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(batch.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.increment(batch.size() - i);
                break;
            } catch (Exception e) {
                failed.increment();
                log.warn("Outbox {}: {} not published yet: {}", source.name(), source.key(batch.get(i)), e.toString());
            }
        }
        return acknowledged;
    }

    void stop() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
