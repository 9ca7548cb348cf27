package com.autochec.platform.outbox;

/**
 * Published (as a Spring application event) after a write that left an outbox entry pending, so a
 * source need not depend on {@link OutboxRelays}: {@code events.publishEvent(new OutboxWritten("vehicle-state"))}.
 */
public record OutboxWritten(String source) {}
