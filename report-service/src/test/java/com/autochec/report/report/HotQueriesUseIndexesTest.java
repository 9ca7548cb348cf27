package com.autochec.report.report;

import static com.autochec.localstack.testing.IndexAssertions.assertIndexed;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.autochec.localstack.testing.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Every query of {@link ReportRepository} (derived queries, as Spring Data builds them) is served by an
 * index on the local stack's store ({@code explain}); a removed index makes this fail.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({EmbeddedInfrastructure.class, ReportIssuerFaults.class})
class HotQueriesUseIndexesTest {

    static final String REPORTS = "reports";

    @Autowired
    MongoTemplate mongo;

    @Test
    void reportLookups() {
        // findByCheckId / existsByCheckId (GET /api/checks/{id}/report, the check consumer's idempotence)
        assertIndexed(mongo, REPORTS, Query.query(where("checkId").is("chk-1")));
        // findById (GET /api/reports/{id})
        assertIndexed(mongo, REPORTS, Query.query(where("_id").is("rep-1")));
        // findFirstBySha256 (the public verify endpoint)
        assertIndexed(mongo, REPORTS, Query.query(where("sha256").is("ab".repeat(32))).limit(1));
    }

    @Test
    void removingAnIndexMakesTheCheckFail() {
        Query bySha = Query.query(where("sha256").is("ab".repeat(32))).limit(1);
        var indexes = mongo.indexOps(Report.class);
        indexes.dropIndex("sha256");
        try {
            assertThatThrownBy(() -> assertIndexed(mongo, REPORTS, bySha)).isInstanceOf(AssertionError.class);
        } finally {
            indexes.createIndex(new Index().on("sha256", Sort.Direction.ASC).named("sha256"));
        }
        assertIndexed(mongo, REPORTS, bySha);
    }
}
