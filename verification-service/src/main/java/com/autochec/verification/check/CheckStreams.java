package com.autochec.verification.check;

import com.autochec.verification.config.VerificationProperties;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open server-sent-event streams of checks. Each stream gets every stage of its check once and in
 * order: first those already passed (a client connecting late), then each change as it happens — at once
 * for changes made in this instance ({@link CheckProgress} events), within {@code POLL} for those made by
 * another instance (each open stream's check is read again by {@code _id}). Sends happen on one thread of
 * its own, never on a Kafka consumer or request thread. A stream ends after COMPLETED or FAILED.
 */
@Component
class CheckStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CheckStreams.class);
    static final java.time.Duration HEARTBEAT = java.time.Duration.ofSeconds(15);
    private static final Set<String> TERMINAL = Set.of(CheckProgress.COMPLETED, CheckProgress.FAILED);

    private final CheckRepository checks;
    private final Clock clock;
    private final long timeoutMillis;
    private final Map<String, List<Stream>> open = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "check-events");
        t.setDaemon(true);
        return t;
    });

    CheckStreams(CheckRepository checks, Clock clock, VerificationProperties properties) {
        this.checks = checks;
        this.clock = clock;
        this.timeoutMillis = properties.readingDeadline().plus(properties.confirmationDeadline()).plusMinutes(1).toMillis();
    }

    /** One client's stream and how many stages of its check it has been sent. */
    private static final class Stream {
        final SseEmitter emitter;
        int sent;
        boolean done;
        long lastSentNanos = System.nanoTime();

        Stream(SseEmitter emitter) {
            this.emitter = emitter;
        }
    }

    SseEmitter open(CheckDocument check) {
        SseEmitter emitter = new SseEmitter(timeoutMillis);
        Stream stream = new Stream(emitter);
        open.computeIfAbsent(check.id(), id -> new CopyOnWriteArrayList<>()).add(stream);
        Runnable remove = () -> close(check.id(), stream);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        sender.execute(() -> catchUp(check, stream, false));
        return emitter;
    }

    @EventListener
    void onProgress(CheckProgress progress) {
        if (!open.containsKey(progress.checkId())) {
            return;
        }
        boolean verifying = CheckProgress.VERIFYING.equals(progress.stage());
        sender.execute(() -> refresh(progress.checkId(), verifying));
    }

    /** Changes made by other instances (and any missed): each open stream's check read again. */
    @Scheduled(fixedDelayString = "${autochec.verification.events-poll:1s}")
    void poll() {
        for (String id : open.keySet()) {
            sender.execute(() -> {
                refresh(id, false);
                heartbeat(id);
            });
        }
    }

    /** A comment line at least every {@code HEARTBEAT}: proxies and the gateway keep an idle stream open. */
    private void heartbeat(String id) {
        List<Stream> streams = open.get(id);
        if (streams == null) {
            return;
        }
        for (Stream stream : streams) {
            if (!stream.done && System.nanoTime() - stream.lastSentNanos > HEARTBEAT.toNanos()) {
                try {
                    stream.emitter.send(SseEmitter.event().comment("keep-alive"));
                    stream.lastSentNanos = System.nanoTime();
                } catch (IOException | IllegalStateException e) {
                    close(id, stream);
                }
            }
        }
    }

    private void refresh(String id, boolean verifying) {
        List<Stream> streams = open.get(id);
        if (streams == null || streams.isEmpty()) {
            return;
        }
        try {
            checks.findById(id).ifPresent(check -> streams.forEach(s -> catchUp(check, s, verifying)));
        } catch (RuntimeException e) {
            log.debug("Check {} not read for its streams: {}", id, e.getMessage());
        }
    }

    /** The stages a check has passed, in order, given its stored state. */
    static List<String> stages(CheckDocument check, boolean verifying) {
        List<String> stages = new ArrayList<>();
        if (check.source() == CheckSource.TYPED) {
            stages.add(CheckProgress.RECEIVED);
            stages.add(CheckProgress.VERIFYING);
            stages.add(CheckViews.stage(check));
            return stages;
        }
        stages.add(CheckProgress.RECEIVED);
        String stage = CheckViews.stage(check);
        boolean pending = check.status() == CheckStatus.PENDING;
        if (!pending || check.imagePublished() || verifying) {
            stages.add(CheckProgress.READING);
        }
        if (!pending || verifying) {
            stages.add(CheckProgress.VERIFYING);
        }
        if (check.status() == CheckStatus.COMPLETED && check.options() != null && !check.options().isEmpty()) {
            stages.add(CheckProgress.NEEDS_CONFIRMATION);
        }
        if (!pending) {
            stages.add(stage);
        }
        return stages;
    }

    private void catchUp(CheckDocument check, Stream stream, boolean verifying) {
        if (stream.done) {
            return;
        }
        List<String> stages = stages(check, verifying);
        try {
            while (stream.sent < stages.size()) {
                String stage = stages.get(stream.sent);
                boolean last = stream.sent == stages.size() - 1;
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("checkId", check.id());
                data.put("stage", stage);
                data.put("at", clock.instant().toString());
                if (last && (TERMINAL.contains(stage) || CheckProgress.NEEDS_CONFIRMATION.equals(stage))) {
                    data.put("check", CheckViews.render(check));
                }
                stream.emitter.send(SseEmitter.event()
                        .id(check.id() + ":" + stream.sent)
                        .name(stage)
                        .data(data, MediaType.APPLICATION_JSON));
                stream.sent++;
                stream.lastSentNanos = System.nanoTime();
                if (last && TERMINAL.contains(stage)) {
                    stream.done = true;
                    stream.emitter.complete();
                    return;
                }
            }
        } catch (IOException | IllegalStateException e) {
            stream.done = true;
            close(check.id(), stream);
        }
    }

    private void close(String id, Stream stream) {
        stream.done = true;
        open.computeIfPresent(id, (k, list) -> {
            list.remove(stream);
            return list.isEmpty() ? null : list;
        });
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
        open.values().forEach(list -> list.forEach(s -> s.emitter.complete()));
        open.clear();
    }
}
