package com.autochec.audit.statistics;

import java.time.LocalDate;
import org.springframework.data.mongodb.core.query.Query;

/** The statistics' query, for the index test. */
public final class StatisticsQueries {

    private StatisticsQueries() {}

    public static Query query(LocalDate from, LocalDate to) {
        return Statistics.query(from, to);
    }
}
