package com.autochec.localstack.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Latencies (µs) and answers by HTTP status of one run; thread-safe, cheap enough for thousands per second. */
public final class Latencies {

    private long[] micros = new long[8192];
    private int count;
    private final Map<Integer, Integer> statuses = new TreeMap<>();

    /** status 0 = no answer (connection refused, timeout). */
    public synchronized void record(long latencyMicros, int status) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, micros.length * 2);
        }
        micros[count++] = latencyMicros;
        statuses.merge(status, 1, Integer::sum);
    }

    public synchronized int count() {
        return count;
    }

    public synchronized Map<Integer, Integer> statuses() {
        return new TreeMap<>(statuses);
    }

    /** The p-th percentile in milliseconds (0 when empty). */
    public synchronized double percentileMillis(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1000.0;
    }

    /** "200:9000 404:1000" */
    public synchronized String statusSummary() {
        StringBuilder text = new StringBuilder();
        statuses.forEach((status, n) -> text.append(status == 0 ? "none" : status).append(':').append(n).append(' '));
        return text.toString().trim();
    }

    /** Answers that are neither 200 nor 404 (404 = plate not in the registry: a normal answer). */
    public synchronized int errors() {
        int errors = 0;
        for (var entry : statuses.entrySet()) {
            if (entry.getKey() != 200 && entry.getKey() != 404 && entry.getKey() != 202) {
                errors += entry.getValue();
            }
        }
        return errors;
    }
}
