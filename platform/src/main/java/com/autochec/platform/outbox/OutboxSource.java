package com.autochec.platform.outbox;

import java.util.List;

/**
 * Where a service keeps the events still to publish: each state change is written together with its
 * pending event (an outbox in the same MongoDB document), and the platform's {@link OutboxRelay}
 * publishes them. Declare one bean per outbox; call {@link OutboxRelays#kick(OutboxSource)} after a
 * write so the event leaves at once (a sweep catches whatever a crash or a broker outage left).
 *
 * @param <T> the stored entry (usually the changed document)
 */
public interface OutboxSource<T> {

    /** A short name for logs, metrics and the relay thread, e.g. {@code vehicle-state}. */
    String name();

    /** The topic the events go to. */
    String topic();

    /** Up to {@code limit} pending entries, oldest first if it matters; must be served by an index. */
    List<T> pending(int limit);

    /** The record key (the aggregate id): keeps the events of one entity in order. */
    String key(T entry);

    /** The event to publish for the entry. */
    Object event(T entry);

    /**
     * Marks entries published after the broker acknowledged them, conditionally (on the version or
     * event id they carried), so that a newer change written meanwhile stays pending.
     */
    void markPublished(List<T> acknowledged);
}
