package com.autochec.vehicle.registry;

import java.time.Instant;

/**
 * The state event still to be published, written in the same document save as the change it
 * describes. {@code version} is the vehicle version it carries; the relay marks it published with a
 * conditional update on that version, so a newer change is never marked by an older send.
 */
public record Outbox(String eventId, long version, Instant occurredAt, boolean published, Instant publishedAt) {

    static Outbox pending(String eventId, long version, Instant occurredAt) {
        return new Outbox(eventId, version, occurredAt, false, null);
    }
}
