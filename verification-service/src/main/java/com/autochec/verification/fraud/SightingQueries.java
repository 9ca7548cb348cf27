package com.autochec.verification.fraud;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/** Every query on {@code sightings} and its index; public for {@code HotQueriesUseIndexesTest}. */
public final class SightingQueries {

    public static final String SIGHTINGS = Sighting.COLLECTION;

    private SightingQueries() {}

    static void ensureIndexes(MongoTemplate mongo) {
        var indexes = mongo.indexOps(SIGHTINGS);
        indexes.createIndex(new Index().on("plate", Sort.Direction.ASC).on("at", Sort.Direction.DESC).named("plate_at"));
        indexes.createIndex(new Index().on("at", Sort.Direction.ASC).named("at"));
    }

    /** The latest sightings of a plate since {@code since}, newest first ({@code plate_at}): the check's one fraud read. */
    public static Query recent(String plate, Instant since, int limit) {
        return query(where("plate").is(plate).and("at").gte(since))
                .with(Sort.by(Sort.Direction.DESC, "at"))
                .limit(limit);
    }

    /** Sightings older than {@code before} ({@code at}): the retention sweep. */
    public static Query olderThan(Instant before) {
        return query(where("at").lt(before));
    }
}
