package com.autochec.audit.statistics;

import com.autochec.audit.log.AuditEntry;
import com.autochec.audit.log.AuditMetrics;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Computes the statistics of the audited checks of a period, along the {@code (action, occurredAt)} index. */
@Service
class Statistics {

    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final int TOP = 10;

    private final MongoTemplate mongo;

    Statistics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static Query query(LocalDate from, LocalDate to) {
        Query query = Query.query(Criteria.where("action").is(AuditEntry.CHECK_PERFORMED)
                .and("occurredAt").gte(from.atStartOfDay(ZONE).toInstant())
                .lt(to.plusDays(1).atStartOfDay(ZONE).toInstant()));
        query.fields().include("sequence", "occurredAt", "requestedAt", "actor.role", "source", "verdict", "reasonCodes");
        return query;
    }

    StatisticsResponse between(LocalDate from, LocalDate to) {
        Map<LocalDate, DayAcc> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) days.put(d, new DayAcc());
        Map<String, Long> reasons = new HashMap<>();
        long[] photo = new long[2];
        List<Long> latencies = new ArrayList<>();
        long total;
        try (Stream<AuditEntry> entries = mongo.stream(query(from, to), AuditEntry.class)) {
            total = entries.mapToLong(e -> {
                DayAcc day = days.get(LocalDate.ofInstant(e.occurredAt(), ZONE));
                if (day == null) return 0;
                String role = e.actor() == null || e.actor().role() == null ? "public" : e.actor().role();
                String channel = AuditMetrics.channel(e.source());
                String verdict = e.verdict() == null ? "NONE" : e.verdict();
                day.checks++;
                day.byRole.merge(role, 1L, Long::sum);
                day.byChannel.merge(channel, 1L, Long::sum);
                day.byVerdict.merge(verdict, 1L, Long::sum);
                if (e.reasonCodes() != null) {
                    e.reasonCodes().forEach(code -> {
                        if (code != null) reasons.merge(code, 1L, Long::sum);
                    });
                }
                if ("PHOTO".equals(channel)) {
                    photo[0]++;
                    if (!"UNREADABLE".equals(verdict)) photo[1]++;
                }
                if (e.requestedAt() != null && !e.occurredAt().isBefore(e.requestedAt())) {
                    latencies.add(Duration.between(e.requestedAt(), e.occurredAt()).toMillis());
                }
                return 1;
            }).sum();
        }
        List<StatisticsResponse.CodeCount> top = top(reasons, false);
        List<StatisticsResponse.CodeCount> fraud = top(reasons, true);
        latencies.sort(Comparator.naturalOrder());
        return new StatisticsResponse(from, to, ZONE.getId(), total,
                days.entrySet().stream().map(d -> d.getValue().toDay(d.getKey())).toList(), top, fraud,
                new StatisticsResponse.PhotoReading(photo[0], photo[1],
                        photo[0] == 0 ? null : Math.round(photo[1] * 10_000.0 / photo[0]) / 10_000.0),
                new StatisticsResponse.Latency(latencies.size(), percentile(latencies, 0.50),
                        percentile(latencies, 0.95), latencies.isEmpty() ? null : latencies.get(latencies.size() - 1)));
    }

    private static List<StatisticsResponse.CodeCount> top(Map<String, Long> counts, boolean fraudOnly) {
        return counts.entrySet().stream()
                .filter(e -> !fraudOnly || AuditMetrics.fraudSignal(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .map(e -> new StatisticsResponse.CodeCount(e.getKey(), e.getValue()))
                .toList();
    }

    /** Nearest-rank percentile of sorted values; null when empty. */
    static Long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) return null;
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static final class DayAcc {
        long checks;
        final Map<String, Long> byRole = new TreeMap<>();
        final Map<String, Long> byChannel = new TreeMap<>();
        final Map<String, Long> byVerdict = new TreeMap<>();

        StatisticsResponse.Day toDay(LocalDate date) {
            return new StatisticsResponse.Day(date, checks, byRole, byChannel, byVerdict);
        }
    }
}
