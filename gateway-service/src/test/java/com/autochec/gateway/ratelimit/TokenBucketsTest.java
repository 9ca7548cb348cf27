package com.autochec.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void grantsTheBurstThenRefusesWithTheWaitUntilTheNextToken() {
        TokenBuckets buckets = new TokenBuckets(2, 3, 100, clock);
        assertThat(buckets.tryAcquire("ip:a")).isZero();
        assertThat(buckets.tryAcquire("ip:a")).isZero();
        assertThat(buckets.tryAcquire("ip:a")).isZero();
        assertThat(buckets.tryAcquire("ip:a")).isEqualTo(500);
    }

    @Test
    void refillsAtTheConfiguredRate() {
        TokenBuckets buckets = new TokenBuckets(2, 1, 100, clock);
        assertThat(buckets.tryAcquire("ip:a")).isZero();
        clock.advance(Duration.ofMillis(250));
        assertThat(buckets.tryAcquire("ip:a")).isEqualTo(250);
        clock.advance(Duration.ofMillis(250));
        assertThat(buckets.tryAcquire("ip:a")).isZero();
    }

    @Test
    void keepsOneBucketPerKey() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100, clock);
        assertThat(buckets.tryAcquire("ip:a")).isZero();
        assertThat(buckets.tryAcquire("ip:a")).isPositive();
        assertThat(buckets.tryAcquire("ip:b")).isZero();
    }

    @Test
    void evictsOnlyIdleBuckets() {
        TokenBuckets buckets = new TokenBuckets(1, 2, 100, clock);
        buckets.tryAcquire("ip:idle");
        clock.advance(Duration.ofSeconds(5));
        buckets.tryAcquire("ip:busy");
        buckets.evictIdle();
        assertThat(buckets.size()).isEqualTo(1);
        // the busy bucket kept its state: one token left of two
        assertThat(buckets.tryAcquire("ip:busy")).isZero();
        assertThat(buckets.tryAcquire("ip:busy")).isPositive();
    }

    @Test
    void boundsTheNumberOfKeysByDroppingIdleOnes() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 2, clock);
        buckets.tryAcquire("ip:1");
        buckets.tryAcquire("ip:2");
        clock.advance(Duration.ofSeconds(2));
        buckets.tryAcquire("ip:3");
        assertThat(buckets.size()).isEqualTo(1);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
