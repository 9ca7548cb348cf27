package com.autochec.auth;

import static com.autochec.localstack.testing.IndexAssertions.assertIndexed;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.autochec.localstack.testing.EmbeddedInfrastructure;
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
@Import(EmbeddedInfrastructure.class)
@org.springframework.test.context.bean.override.mockito.MockitoBean(types = com.autochec.auth.directory.UserDirectory.class)
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
        // VehicleClaimRepository.existsByAccountIdAndPlateAndStatus (a new claim: one pending per account and plate)
        assertIndexed(mongo, CLAIMS, Query.query(where("accountId").is("acc-1").and("plate").is("AB-123-CD")
                .and("status").is("PENDING")).limit(1));
        // findByAccountId (an owner's claims) and findByStatus (the admins' queue, any status), newest first
        assertIndexed(mongo, CLAIMS, Query.query(where("accountId").is("acc-1")).with(NEWEST_FIRST));
        assertIndexed(mongo, CLAIMS, Query.query(where("status").is("PENDING")).with(NEWEST_FIRST));
        assertIndexed(mongo, CLAIMS, Query.query(where("status").is("REJECTED")).with(NEWEST_FIRST));
        // findById (one claim; a decision's conditional update on id and status)
        assertIndexed(mongo, CLAIMS, Query.query(where("_id").is("claim-1")));
        assertIndexed(mongo, CLAIMS, Query.query(where("_id").is("claim-1").and("status").is("PENDING")));
        // the link outbox: approved claims whose event is still to publish
        assertIndexed(mongo, CLAIMS, Query.query(where("linkPending").is(true)).limit(1000));
    }

    @Test
    void registryReadModelAndAuditOutbox() {
        // Registry.vehicleByPlate and certificateMatches (a claim's matching)
        assertIndexed(mongo, "registry_vehicles", Query.query(where("plate").is("AB-123-CD")));
        assertIndexed(mongo, "registry_certificates", Query.query(where("vin").is("VF1RFB00X12345678")));
        // RegistryProjector: stored versions of a batch's ids
        assertIndexed(mongo, "registry_vehicles", Query.query(where("_id").in(List.of("v-1", "v-2"))));
        assertIndexed(mongo, "registry_certificates", Query.query(where("_id").in(List.of("d-1", "d-2"))));
        // AuditOutbox.pending, oldest first, and markPublished
        assertIndexed(mongo, "audit_outbox", Query.query(where("published").is(false)).with(Sort.by("createdAt")).limit(1000));
        assertIndexed(mongo, "audit_outbox", Query.query(where("_id").in(List.of("e-1", "e-2"))));
        // the claims' embedded audit events (EmbeddedAuditOutbox): the sweep and the conditional mark
        assertIndexed(mongo, "vehicle_claims", com.autochec.platform.outbox.EmbeddedAuditOutbox.pendingQuery(100));
        assertIndexed(mongo, "vehicle_claims", Query.query(where("_id").is("c-1").and("version").is(2L)));
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
