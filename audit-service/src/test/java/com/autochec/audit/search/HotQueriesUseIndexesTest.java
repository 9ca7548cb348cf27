package com.autochec.audit.search;

import static com.autochec.localstack.testing.IndexAssertions.assertIndexed;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.autochec.audit.log.AuditEntry;
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
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Every query audit-service runs on a request or consumer path is served by an index on the local stack's
 * store ({@code explain}): the consumer's append (idempotence by event id, chain tail), the owner's view,
 * and the admin search as {@link AuditSearch#query} builds it for each filter. A removed index or a query
 * the planner cannot serve makes this fail.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class HotQueriesUseIndexesTest {

    static final String ENTRIES = AuditEntry.COLLECTION;
    static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("sequence"));

    @Autowired
    MongoTemplate mongo;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void theConsumersAppend() {
        // AuditLog.exists: a redelivered event is a no-op
        assertIndexed(mongo, ENTRIES, Query.query(where("eventId").is("evt-1")));
        // AuditLog.readTail / bySequence: the chain's tail, by sequence
        assertIndexed(mongo, ENTRIES, Query.query(where("sequence").is(42L)));
    }

    @Test
    void theOwnersWhoConsultedMyVehicles() {
        // ConsultationsOfMyVehicles.forOwner
        assertIndexed(mongo, ENTRIES, Query.query(where("ownerAccountId").is("acc-1")).with(NEWEST_FIRST));
    }

    @Test
    void adminSearchByPlateUserAndPeriod() {
        assertIndexed(mongo, ENTRIES, search("AB-123-CD", null, null, null));
        assertIndexed(mongo, ENTRIES, search("AB-123-CD", "2025-01-01", "2025-06-30", "agent.dupont"));
        assertIndexed(mongo, ENTRIES, search(null, null, null, "agent.dupont"));
        assertIndexed(mongo, ENTRIES, search(null, "2025-01-01", null, "agent.dupont"));
        assertIndexed(mongo, ENTRIES, search(null, "2025-01-01", "2025-01-31", null));
        assertIndexed(mongo, ENTRIES, search(null, null, "2025-01-31", null));
        // no filter: every entry, newest first, along the occurredAt index
        assertIndexed(mongo, ENTRIES, search(null, null, null, null));
    }

    @Test
    void adminSearchByOrganisationPurposeVerdictAndAction() {
        assertIndexed(mongo, ENTRIES, search("organisation", "Police nationale"));
        assertIndexed(mongo, ENTRIES, search("purpose", "ROADSIDE_CONTROL"));
        assertIndexed(mongo, ENTRIES, search("verdict", "FAIL"));
        assertIndexed(mongo, ENTRIES, search("action", "VEHICLE_VIEWED"));
    }

    @Test
    void theStatisticsOfAPeriod() {
        assertIndexed(mongo, ENTRIES, com.autochec.audit.statistics.StatisticsQueries.query(
                java.time.LocalDate.parse("2025-06-01"), java.time.LocalDate.parse("2025-06-30")));
    }

    private static Query search(String field, String value) {
        AuditFilter filter = AuditFilter.parse(null, "2025-01-01", null, null,
                field.equals("organisation") ? value : null, field.equals("purpose") ? value : null,
                field.equals("verdict") ? value : null, field.equals("action") ? value : null, null, null, 100);
        return AuditSearch.query(filter).with(NEWEST_FIRST).limit(20);
    }

    @Test
    void removingAnIndexMakesTheCheckFail() {
        // (a query without java.time values: IndexAssertions' failure message cannot render those)
        Query mine = Query.query(where("ownerAccountId").is("acc-1")).with(NEWEST_FIRST);
        var indexes = mongo.indexOps(AuditEntry.class);
        indexes.dropIndex("ownerAccountId_1_occurredAt_-1");
        try {
            assertThatThrownBy(() -> assertIndexed(mongo, ENTRIES, mine)).isInstanceOf(AssertionError.class);
        } finally {
            indexes.createIndex(new Index().on("ownerAccountId", Sort.Direction.ASC).on("occurredAt", Sort.Direction.DESC));
        }
        assertIndexed(mongo, ENTRIES, mine);
    }

    private static Query search(String plate, String from, String to, String username) {
        return AuditSearch.query(AuditFilter.parse(plate, from, to, username, null, null, 100))
                .with(NEWEST_FIRST)
                .limit(20);
    }
}
