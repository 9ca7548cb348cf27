package com.autochec.auth;

import static com.autochec.localstack.testing.IndexAssertions.assertIndexed;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
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
 * Every query of auth-service's repositories (derived queries, as Spring Data builds them: enums as their
 * names) is served by an index on the local stack's store ({@code explain}); a removed index makes this fail.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EmbeddedMongo.class)
class HotQueriesUseIndexesTest {

    static final String ORGANISATIONS = "organisations";
    static final String CLAIMS = "vehicle_claims";
    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt");

    @Autowired
    MongoTemplate mongo;

    @Test
    void organisationLookupsAndLists() {
        // OrganisationRepository.findById (agents' organisation, PATCH) and findByNameKey (create: unique name)
        assertIndexed(mongo, ORGANISATIONS, Query.query(where("_id").is("org-1")));
        assertIndexed(mongo, ORGANISATIONS, Query.query(where("nameKey").is("garage dupont")));
        // findByActiveTrue (everyone's list) and findByActiveIn([true, false]) (the admin's list)
        assertIndexed(mongo, ORGANISATIONS, Query.query(where("active").is(true)).with(Sort.by("nameKey")));
        assertIndexed(mongo, ORGANISATIONS, Query.query(where("active").in(List.of(true, false))).with(Sort.by("nameKey")));
    }

    @Test
    void claimLookupsAndLists() {
        // VehicleClaimRepository.existsByAccountIdAndVinAndStatus (a new claim)
        assertIndexed(mongo, CLAIMS, Query.query(where("accountId").is("acc-1").and("vin").is("VF1RFB00X12345678")
                .and("status").is("PENDING")).limit(1));
        // findByAccountId (an owner's claims) and findByStatus (the admins' pending claims), newest first
        assertIndexed(mongo, CLAIMS, Query.query(where("accountId").is("acc-1")).with(NEWEST_FIRST));
        assertIndexed(mongo, CLAIMS, Query.query(where("status").is("PENDING")).with(NEWEST_FIRST));
    }

    @Test
    void removingAnIndexMakesTheCheckFail() {
        Query pending = Query.query(where("status").is("PENDING")).with(NEWEST_FIRST);
        var indexes = mongo.indexOps(CLAIMS);
        indexes.dropIndex("claim_status_created");
        try {
            assertThatThrownBy(() -> assertIndexed(mongo, CLAIMS, pending)).isInstanceOf(AssertionError.class);
        } finally {
            indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                    .named("claim_status_created"));
        }
        assertIndexed(mongo, CLAIMS, pending);
    }
}
