package com.autochec.vehicle.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.autochec.contracts.Topics;
import com.autochec.contracts.vehicle.VehicleStateChanged;
import com.autochec.vehicle.config.VehicleProperties;
import com.autochec.vehicle.registry.VehicleChangesSaved;
import com.autochec.vehicle.registry.VehicleDocument;
import com.autochec.vehicle.registry.VehicleStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes pending outbox entries to {@link Topics#VEHICLE_STATE} (key = vehicle id), then marks them
 * published with a conditional update on the outbox version, only after Kafka acknowledged the send.
 *
 * <p>Runs on its own thread right after writes ({@link VehicleChangesSaved}, coalesced) and on a
 * scheduled sweep, so an entry left pending by a crash or a Kafka outage is published later. Works in
 * batches: read a page of pending documents, send them all, flush, wait for the acknowledgements, mark
 * the acknowledged ones in one bulk write. Delivery is at least once; consumers ignore versions they
 * already have.
 */
@Component
class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, Object> kafka;
    private final Clock clock;
    private final VehicleProperties properties;
    private final Counter published;
    private final Counter failed;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean kickQueued = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    OutboxRelay(
            VehicleStore store,
            KafkaTemplate<String, Object> kafka,
            Clock clock,
            VehicleProperties properties,
            MeterRegistry meters) {
        this.mongo = store.mongo();
        this.kafka = kafka;
        this.clock = clock;
        this.properties = properties;
        this.published = Counter.builder("autochec.vehicle.outbox.published")
                .description("Vehicle state events published and marked")
                .register(meters);
        this.failed = Counter.builder("autochec.vehicle.outbox.failed")
                .description("Vehicle state events whose send failed (retried by the sweep)")
                .register(meters);
    }

    @EventListener
    void onChangesSaved(VehicleChangesSaved event) {
        kick();
    }

    /** Asks for a relay run soon on the relay thread; several kicks before it starts make one run. */
    void kick() {
        if (kickQueued.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    kickQueued.set(false);
                    relayPending();
                });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                kickQueued.set(false);
            }
        }
    }

    /** The safety net: whatever is still pending (crash between save and send, Kafka down) goes now. */
    @Scheduled(
            fixedDelayString = "${autochec.vehicle.outbox-sweep-interval:10s}",
            initialDelayString = "${autochec.vehicle.outbox-sweep-interval:10s}")
    void sweep() {
        if (running.isLocked()) {
            return; // a run is in progress and will see the same entries
        }
        relayPending();
    }

    /** Publishes every pending entry, batch after batch; stops at the first batch with a failure. */
    int relayPending() {
        running.lock();
        try {
            int total = 0;
            while (true) {
                List<VehicleDocument> batch = mongo.find(
                        Query.query(where(VehicleStore.OUTBOX_PUBLISHED).is(false)).limit(properties.outboxBatchSize()),
                        VehicleDocument.class);
                if (batch.isEmpty()) {
                    return total;
                }
                BatchResult result = publish(batch);
                total += result.marked();
                if (result.failures() > 0 || result.marked() == 0 || batch.size() < properties.outboxBatchSize()) {
                    return total;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Outbox relay run failed, the next sweep retries: {}", e.toString());
            return 0;
        } finally {
            running.unlock();
        }
    }

    private BatchResult publish(List<VehicleDocument> batch) {
        List<CompletableFuture<SendResult<String, Object>>> sends = new ArrayList<>(batch.size());
        for (VehicleDocument vehicle : batch) {
            VehicleStateChanged event = VehicleEvents.stateChanged(vehicle);
            try {
                sends.add(kafka.send(Topics.VEHICLE_STATE, vehicle.id(), event));
            } catch (RuntimeException e) {
                sends.add(CompletableFuture.failedFuture(e));
            }
        }
        kafka.flush();
        long deadline = System.nanoTime() + properties.outboxSendTimeout().toNanos();
        List<VehicleDocument> acknowledged = new ArrayList<>(batch.size());
        int failures = 0;
        for (int i = 0; i < batch.size(); i++) {
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(batch.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures += batch.size() - i;
                break;
            } catch (Exception e) {
                failures++;
                log.warn("Vehicle {} state v{} not published: {}", batch.get(i).id(), batch.get(i).outbox().version(),
                        e.toString());
            }
        }
        failed.increment(failures);
        int marked = markPublished(acknowledged);
        published.increment(marked);
        return new BatchResult(marked, failures);
    }

    /**
     * One bulk write: mark each entry published if the document is still at the version sent (a newer
     * change keeps its own pending entry); remove tombstones whose deletion was sent.
     */
    private int markPublished(List<VehicleDocument> acknowledged) {
        if (acknowledged.isEmpty()) {
            return 0;
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, VehicleDocument.class);
        for (VehicleDocument vehicle : acknowledged) {
            // the outbox carries the document's version: still at it = this entry is still the latest
            Query sent = VehicleStore.atVersion(vehicle.id(), vehicle.outbox().version());
            if (vehicle.deleted()) {
                bulk.remove(sent);
            } else {
                bulk.updateOne(sent, new Update().set(VehicleStore.OUTBOX_PUBLISHED, true).set("outbox.publishedAt", now));
            }
        }
        var result = bulk.execute();
        return result.getModifiedCount() + result.getDeletedCount();
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private record BatchResult(int marked, int failures) {}
}
