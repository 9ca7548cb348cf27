package com.autochec.document.outbox;

import com.autochec.contracts.Topics;
import com.autochec.contracts.document.DocumentStateChanged;
import com.autochec.document.config.DocumentProperties;
import com.autochec.document.document.DocumentStore;
import com.autochec.document.document.DocumentsChanged;
import com.autochec.document.document.VehicleDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes pending outbox entries to {@link Topics#DOCUMENT_STATE} in batches: send a batch, wait for
 * every acknowledgement, then mark exactly the acknowledged entries published (conditional on their
 * event id, so a newer change written meanwhile stays pending). Runs right after writes and on a sweep.
 * One worker thread per instance; runs requested while it works coalesce into one more pass.
 */
@Component
class OutboxRelay implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final DocumentStore store;
    private final KafkaTemplate<String, Object> kafka;
    private final DocumentProperties properties;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "document-outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean requested = new AtomicBoolean();

    OutboxRelay(DocumentStore store, KafkaTemplate<String, Object> kafka, DocumentProperties properties) {
        this.store = store;
        this.kafka = kafka;
        this.properties = properties;
    }

    @EventListener
    void onDocumentsChanged(DocumentsChanged event) {
        kick();
    }

    @Scheduled(fixedDelayString = "${autochec.document.outbox-sweep-interval:PT5S}", initialDelayString = "PT1S")
    void sweep() {
        kick();
    }

    /** Asks for a pass; returns at once. */
    void kick() {
        if (requested.compareAndSet(false, true)) {
            worker.execute(() -> {
                requested.set(false);
                try {
                    publishPending();
                } catch (RuntimeException e) {
                    log.warn("Outbox relay pass failed, the next sweep retries: {}", e.toString());
                }
            });
        }
    }

    /** Publishes every pending entry, batch after batch; returns how many were acknowledged. */
    int publishPending() {
        int total = 0;
        while (true) {
            List<VehicleDocument> batch = store.pendingOutbox(properties.outboxBatchSize());
            if (batch.isEmpty()) return total;
            List<VehicleDocument> acknowledged = publish(batch);
            store.markPublished(acknowledged);
            total += acknowledged.size();
            if (acknowledged.size() < batch.size()) return total; // Kafka trouble: leave the rest to the sweep
            if (batch.size() < properties.outboxBatchSize()) return total;
        }
    }

    private List<VehicleDocument> publish(List<VehicleDocument> batch) {
        List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
        for (VehicleDocument doc : batch) {
            DocumentStateChanged event = DocumentEvents.stateChanged(doc);
            sends.add(kafka.send(Topics.DOCUMENT_STATE, doc.id(), event));
        }
        List<VehicleDocument> acknowledged = new ArrayList<>(batch.size());
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (int i = 0; i < batch.size(); i++) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                sends.get(i).get(left, TimeUnit.NANOSECONDS);
                acknowledged.add(batch.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                log.warn("Document {} not published yet: {}", batch.get(i).id(), e.toString());
            }
        }
        return acknowledged;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
