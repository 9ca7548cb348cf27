package com.autochec.platform.outbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/** Every outbox relay of the service, their sweeps, and the entry point to kick them after a write. */
public final class OutboxRelays implements SmartLifecycle, DisposableBean {

    private final Map<String, OutboxRelay<?>> relays = new LinkedHashMap<>();
    private final long sweepMillis;
    private ScheduledExecutorService sweeper;
    private volatile boolean running;

    OutboxRelays(List<OutboxRelay<?>> relays, long sweepMillis) {
        relays.forEach(relay -> this.relays.put(relay.source().name(), relay));
        this.sweepMillis = sweepMillis;
    }

    /** Publishes what the source has pending, soon, off the caller's thread. */
    public void kick(OutboxSource<?> source) {
        kickNamed(source.name());
    }

    /** Publishes what the named source has pending, soon, off the caller's thread. */
    public void kickNamed(String sourceName) {
        relay(sourceName).kick();
    }

    /** A write published {@link OutboxWritten}: its source's pending entries go now. */
    @EventListener
    public void onOutboxWritten(OutboxWritten written) {
        kickNamed(written.source());
    }

    /** Publishes what the source has pending now, in the caller's thread (tests, shutdown). */
    public int relayNow(OutboxSource<?> source) {
        return relay(source.name()).relayPending();
    }

    private OutboxRelay<?> relay(String name) {
        OutboxRelay<?> relay = relays.get(name);
        if (relay == null) {
            throw new IllegalArgumentException("No outbox relay named " + name);
        }
        return relay;
    }

    @Override
    public void start() {
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-sweep");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(
                () -> relays.values().forEach(OutboxRelay::sweep), 0, sweepMillis, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the Kafka listeners and the web server are up; stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    @Override
    public void destroy() throws InterruptedException {
        stop();
        for (OutboxRelay<?> relay : relays.values()) {
            relay.stop();
        }
    }
}
