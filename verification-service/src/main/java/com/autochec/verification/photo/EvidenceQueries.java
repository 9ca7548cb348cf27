package com.autochec.verification.photo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Every query on the evidence photos' metadata and the indexes that serve them. Public so that
 * {@code HotQueriesUseIndexesTest} explains exactly these.
 */
public final class EvidenceQueries {

    public static final String EVIDENCE = PhotoEvidence.COLLECTION;

    private EvidenceQueries() {}

    /** Creates the indexes (idempotent; at start-up). */
    static void ensureIndexes(MongoTemplate mongo) {
        mongo.indexOps(EVIDENCE).createIndex(new Index().on("createdAt", Sort.Direction.ASC).named("created_at"));
    }

    /** The photo of a check (the image relay's re-send), by {@code _id}. */
    public static Query byCheckId(String checkId) {
        return query(where("_id").is(checkId));
    }

    /** Photos stored before {@code cutoff}, oldest first ({@code created_at}): the retention job. */
    public static Query storedBefore(Instant cutoff, int limit) {
        return query(where("createdAt").lt(cutoff)).with(Sort.by("createdAt")).limit(limit);
    }
}
