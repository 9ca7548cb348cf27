package com.autochec.audit.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Checks between two dates (inclusive, days in the service's zone): per day by role, channel and verdict; the most
 * frequent rule results and fraud signals; the photo reading success rate; latency from request to verdict.
 */
record StatisticsResponse(
        LocalDate from,
        LocalDate to,
        String zone,
        long checks,
        List<Day> days,
        List<CodeCount> topReasons,
        List<CodeCount> fraudSignals,
        PhotoReading photoReading,
        Latency latencyMs) {

    record Day(LocalDate date, long checks, Map<String, Long> byRole, Map<String, Long> byChannel,
            Map<String, Long> byVerdict) {}

    record CodeCount(String code, long count) {}

    /** Photo checks, those whose plate was read (verdict other than UNREADABLE), and the ratio (null when none). */
    record PhotoReading(long photoChecks, long read, Double successRate) {}

    /** Request → verdict, in milliseconds, over the checks that carry both times (null values when none). */
    record Latency(long measured, Long p50, Long p95, Long max) {}
}
