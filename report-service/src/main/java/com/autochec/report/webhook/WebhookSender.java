package com.autochec.report.webhook;

import com.autochec.report.config.ReportProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries: every {@code poll-interval} (and at once when the dispatcher records new ones) it claims up to
 * {@code batch-size} of them atomically (find-and-modify PENDING → SENDING with a lease, so two instances never send
 * the same one at once; a claim whose instance died is taken over when its lease ends) and POSTs each, signed, with
 * explicit time-outs and no redirects. A 2xx delivers it; anything else (status, time-out, refused address) schedules
 * the next attempt after the back-off (with ±20 % jitter) until {@code max-attempts}, then FAILED.
 */
@Component
class WebhookSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    static final String USER_AGENT = "Autochec-Webhooks/1";

    private final WebhookStore store;
    private final ReportProperties.Webhooks policy;
    private final WebhookUrls urls;
    private final Clock clock;
    private final HttpClient http;
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private ScheduledExecutorService scheduler;
    private ExecutorService senders;
    private volatile boolean running;

    WebhookSender(WebhookStore store, ReportProperties properties, Clock clock) {
        this.store = store;
        this.policy = properties.webhooks();
        this.urls = new WebhookUrls(policy.allowInsecureLocalhost());
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A pass soon, off the caller's thread (passes asked for while one waits coalesce). */
    void kick() {
        ScheduledExecutorService s = scheduler;
        if (running && s != null && passQueued.compareAndSet(false, true)) {
            try {
                s.execute(this::pass);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                passQueued.set(false);
            }
        }
    }

    /** Claims and sends what is due, batch after batch; returns how many attempts were made. */
    int pass() {
        passQueued.set(false);
        int attempts = 0;
        try {
            while (running) {
                List<WebhookDelivery> claimed = new ArrayList<>();
                Instant now = clock.instant();
                for (int i = 0; i < policy.batchSize(); i++) {
                    Optional<WebhookDelivery> next = store.claim(now, policy.lease());
                    if (next.isEmpty()) break;
                    claimed.add(next.get());
                }
                if (claimed.isEmpty()) return attempts;
                List<Future<?>> sends = new ArrayList<>();
                for (WebhookDelivery delivery : claimed) sends.add(senders.submit(() -> attempt(delivery)));
                for (Future<?> send : sends) send.get();
                attempts += claimed.size();
                if (claimed.size() < policy.batchSize()) return attempts;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Webhook pass failed (the next one retries): {}", e.toString());
        }
        return attempts;
    }

    private void attempt(WebhookDelivery delivery) {
        Optional<WebhookEndpoint> endpoint = store.endpoint(delivery.endpointId());
        if (endpoint.isEmpty() || !endpoint.get().active()) {
            store.finish(delivery, new Update().set("status", WebhookDelivery.Status.CANCELLED).unset("nextAttemptAt")
                    .set("lastError", "endpoint deleted"));
            return;
        }
        Outcome outcome = send(endpoint.get(), delivery);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Update update = new Update().set("lastStatusCode", outcome.status()).set("lastError", outcome.error());
        if (outcome.delivered()) {
            update.set("status", WebhookDelivery.Status.DELIVERED).set("deliveredAt", now).unset("nextAttemptAt");
        } else if (delivery.attempts() >= policy.maxAttempts()) {
            update.set("status", WebhookDelivery.Status.FAILED).unset("nextAttemptAt");
            log.info("Webhook delivery {} failed for good after {} attempts: {}", delivery.id(), delivery.attempts(),
                    outcome.error() != null ? outcome.error() : "HTTP " + outcome.status());
        } else {
            update.set("status", WebhookDelivery.Status.PENDING)
                    .set("nextAttemptAt", now.plus(backoff(policy.backoff(), delivery.attempts())));
        }
        store.finish(delivery, update);
    }

    record Outcome(boolean delivered, Integer status, String error) {}

    Outcome send(WebhookEndpoint endpoint, WebhookDelivery delivery) {
        Optional<String> refused = urls.problem(endpoint.url());
        if (refused.isPresent()) return new Outcome(false, null, "address refused: " + refused.get());
        long timestamp = clock.instant().getEpochSecond();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url().strip()))
                    .timeout(policy.readTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header("X-Autochec-Event-Id", delivery.eventId())
                    .header("X-Autochec-Event-Type", delivery.eventType().name())
                    .header("X-Autochec-Timestamp", Long.toString(timestamp))
                    .header("X-Autochec-Signature", WebhookSignature.sign(endpoint.secret(), timestamp, delivery.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Outcome(status >= 200 && status < 300, status, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "interrupted");
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Outcome(false, null, message.length() > 300 ? message.substring(0, 300) : message);
        }
    }

    /** The wait after the {@code attempts}-th failed attempt: the policy's list (last value repeating), ±20 % jitter. */
    static Duration backoff(List<Duration> steps, int attempts) {
        Duration base = steps.isEmpty() ? Duration.ofMinutes(1) : steps.get(Math.min(Math.max(attempts, 1), steps.size()) - 1);
        long millis = base.toMillis();
        long jitter = (long) (millis * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
        return Duration.ofMillis(Math.max(0, millis + jitter));
    }

    @Override
    public void start() {
        if (!policy.enabled()) return;
        senders = Executors.newFixedThreadPool(4, daemon("webhook-send"));
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("webhook-poll"));
        running = true;
        scheduler.scheduleWithFixedDelay(this::pass, policy.pollInterval().toMillis(), policy.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) scheduler.shutdownNow();
        if (senders != null) senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
