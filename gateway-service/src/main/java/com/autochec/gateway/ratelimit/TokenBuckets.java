package com.autochec.gateway.ratelimit;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory token buckets, one per key (client IP or JWT subject), all with the same rate and burst.
 * Cheap enough to sit in front of every request: one map lookup and a short synchronized refill.
 * Idle buckets (full again) are dropped when the map grows past {@code maxKeys} and on
 * {@link #evictIdle()}.
 */
final class TokenBuckets {

    private final double perMilli;
    private final double burst;
    private final int maxKeys;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(double perSecond, double burst, int maxKeys, Clock clock) {
        this.perMilli = perSecond / 1000.0;
        this.burst = Math.max(1.0, burst);
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Takes one token for {@code key}: 0 if granted, else how many milliseconds until one is available. */
    long tryAcquire(String key) {
        long now = clock.millis();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                evictIdle(now);
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        }
        return bucket.tryAcquire(now, perMilli, burst);
    }

    int size() {
        return buckets.size();
    }

    void evictIdle() {
        evictIdle(clock.millis());
    }

    private void evictIdle(long now) {
        buckets.values().removeIf(bucket -> bucket.isFull(now, perMilli, burst));
    }

    private static final class Bucket {
        private double tokens;
        private long lastRefill;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastRefill = now;
        }

        synchronized long tryAcquire(long now, double perMilli, double burst) {
            refill(now, perMilli, burst);
            if (tokens >= 1.0) {
                tokens -= 1.0;
                return 0;
            }
            return (long) Math.ceil((1.0 - tokens) / perMilli);
        }

        synchronized boolean isFull(long now, double perMilli, double burst) {
            refill(now, perMilli, burst);
            return tokens >= burst;
        }

        private void refill(long now, double perMilli, double burst) {
            if (now > lastRefill) {
                tokens = Math.min(burst, tokens + (now - lastRefill) * perMilli);
                lastRefill = now;
            }
        }
    }
}
