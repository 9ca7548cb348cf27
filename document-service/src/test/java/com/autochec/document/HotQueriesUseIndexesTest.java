package com.autochec.document;

import static com.autochec.localstack.testing.IndexAssertions.assertIndexed;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.autochec.document.document.VehicleDocument;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import java.time.Instant;
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
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Every query document-service runs on a request or consumer path, as its code builds it (named after
 * the method that runs it), is served by an index on the local stack's store ({@code explain}): a
 * removed index or a query the planner cannot serve makes this fail.
 */
@SpringBootTest(properties = {
    "autochec.platform.outbox.sweep-interval=PT0.3S",
    "autochec.platform.object-store.directory=target/test-objects"
})
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class HotQueriesUseIndexesTest {

    static final String DOCUMENTS = VehicleDocument.COLLECTION;
    static final String OWNERS = "vehicle_owners";
    static final String VIN = "VF1RFB00X12345678";
    static final String PLATE = "AB-123-CD";

    @Autowired
    MongoTemplate mongo;

    @MockitoBean
    JwtDecoder jwtDecoder;

    static final Sort LIST_ORDER = Sort.by(Sort.Order.asc("type"), Sort.Order.desc("validFrom"), Sort.Order.asc("_id"));

    @Test
    void documentLookupsAndListsPerVehicle() {
        // DocumentStore.findById / applyReview / markImageSent / recordExtraction (GET /api/documents/{id}, file download, review, OCR reading)
        assertIndexed(mongo, DOCUMENTS, Query.query(where("_id").is("d-1")));
        assertIndexed(mongo, DOCUMENTS, Query.query(where("_id").is("d-1").and("version").is(3L)));
        assertIndexed(mongo, DOCUMENTS, Query.query(where("_id").is("d-1").and("readEventIds").ne("e-1")));
        // DocumentStore.findByIds (CSV import: the rows' existing documents)
        assertIndexed(mongo, DOCUMENTS, Query.query(where("_id").in(List.of("d-1", "d-2"))));
        // DocumentStore.findByVehicles (GET /api/documents?vin=|plate=, an owner's documents): one query per field
        assertIndexed(mongo, DOCUMENTS, Query.query(where("vin").in(List.of(VIN))).with(LIST_ORDER).limit(500));
        assertIndexed(mongo, DOCUMENTS, Query.query(where("plate").in(List.of(PLATE))).with(LIST_ORDER).limit(500));
    }

    @Test
    void outboxAndImageRelayQueries() {
        // DocumentStore.pendingOutbox (the relay's sweep) and markPublished / bulkWrite (conditional on the event id)
        assertIndexed(mongo, DOCUMENTS, Query.query(where("outbox.published").is(false)).limit(100));
        assertIndexed(mongo, DOCUMENTS, Query.query(where("outbox.eventId").is("e-1")));
        // DocumentStore.pendingImages (ImageRelay's resend sweep)
        assertIndexed(mongo, DOCUMENTS, Query.query(where("image.sentToOcr").is(false)
                .and("createdAt").lt(Instant.parse("2025-06-01T00:00:00Z"))).limit(100));
    }

    @Test
    void ownershipProjectionQueries() {
        // VehicleOwners.byVin / byPlate (uploads, owners' access checks) and ownedBy (an owner's documents)
        assertIndexed(mongo, OWNERS, Query.query(where("deleted").is(false).and("vin").is(VIN)));
        assertIndexed(mongo, OWNERS, Query.query(where("deleted").is(false).and("plate").is(PLATE)));
        assertIndexed(mongo, OWNERS, Query.query(where("deleted").is(false).and("ownerAccountId").is("acc-1")));
        // VehicleOwners.apply (vehicle state consumer): upsert unless a same-or-newer version is stored
        assertIndexed(mongo, OWNERS, Query.query(where("_id").is("veh-1").and("version").lt(4L)));
    }

    @Test
    void reviewQueueAndExpiryScanQueries() {
        // DocumentStore.byStatus (GET /api/documents?status=PENDING: the admin's queue, oldest first, a page)
        assertIndexed(mongo, DOCUMENTS, Query.query(where("status").is("PENDING"))
                .with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id"))).skip(40).limit(21));
        // DocumentStore.validatedEndingBetween (the expiry scan)
        assertIndexed(mongo, DOCUMENTS, Query.query(where("status").is("VALIDATED")
                .and("validUntil").gte("2026-12-01").lte("2026-12-31")));
        // ExpiryAlerts.insertIfAbsent (unique (documentId, threshold)) and undelivered (the retry of a crashed delivery)
        assertIndexed(mongo, "expiry_alerts", Query.query(where("documentId").is("d-1").and("threshold").is(30)));
        assertIndexed(mongo, "expiry_alerts", Query.query(where("delivered").is(false)
                .and("createdAt").lt(Instant.parse("2026-12-01T00:00:00Z"))).limit(500));
        // ExpiryAlerts.unpublished (the expiry-alerts outbox)
        assertIndexed(mongo, "expiry_alerts", com.autochec.document.alert.ExpiryAlertsQueries.unpublished(100));
    }

    @Test
    void notificationQueries() {
        // Notifications.byAccount (GET /api/me/notifications) and markRead (POST /api/me/notifications/{id}/read)
        assertIndexed(mongo, "notifications", Query.query(where("accountId").is("acc-1"))
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id"))).skip(0).limit(21));
        assertIndexed(mongo, "notifications", Query.query(where("_id").is("n-1").and("accountId").is("acc-1")));
        // Notifications.preferences (GET/PUT /api/me/notification-preferences, every delivery)
        assertIndexed(mongo, "notification_preferences", Query.query(where("_id").is("acc-1")));
        // MailDispatcher.claim: due and stale messages
        assertIndexed(mongo, "mail_outbox", Query.query(where("status").is("PENDING")
                .and("nextAttemptAt").lte(Instant.parse("2026-12-01T00:00:00Z"))));
        assertIndexed(mongo, "mail_outbox", Query.query(where("status").is("SENDING")
                .and("nextAttemptAt").lte(Instant.parse("2026-12-01T00:00:00Z"))));
        // DocumentAudit.pending (the audit outbox relay's sweep)
        assertIndexed(mongo, "audit_outbox", Query.query(where("published").is(false)).limit(100));
        // EmbeddedAuditOutbox over documents (uploads' and decisions' audit events): its sweep and conditional mark
        assertIndexed(mongo, DOCUMENTS, com.autochec.platform.outbox.EmbeddedAuditOutbox.pendingQuery(100));
        assertIndexed(mongo, DOCUMENTS, Query.query(where("_id").is("d-1").and("version").is(2L)));
        // VehicleOwners.byId (uploads by vehicleId)
        assertIndexed(mongo, OWNERS, Query.query(where("deleted").is(false).and("_id").is("veh-1")));
    }

    @Test
    void removingAnIndexMakesTheCheckFail() {
        Query byVin = Query.query(where("vin").in(List.of(VIN))).with(LIST_ORDER);
        assertIndexed(mongo, DOCUMENTS, byVin);
        var indexes = mongo.indexOps(VehicleDocument.class);
        indexes.dropIndex("vin_1");
        try {
            assertThatThrownBy(() -> assertIndexed(mongo, DOCUMENTS, byVin)).isInstanceOf(AssertionError.class);
        } finally {
            indexes.createIndex(new Index().on("vin", Sort.Direction.ASC));
        }
        assertIndexed(mongo, DOCUMENTS, byVin);
    }
}
