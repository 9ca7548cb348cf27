package com.autochec.verification;

import static com.autochec.localstack.testing.IndexAssertions.assertIndexed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.autochec.verification.check.CheckQueries;
import com.autochec.verification.fraud.SightingQueries;
import com.autochec.verification.photo.EvidenceQueries;
import com.autochec.verification.readmodel.ReadModelQueries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Every query verification-service runs on a request or consumer path is served by an index declared at
 * start-up, as {@code explain} shows on the local stack's indexed backend (and would on MongoDB). The
 * queries are the ones the code runs ({@code *Queries}), each checked against the index meant for it:
 * removing one of their indexes fails this test.
 */
@ControlledClockIntegration
class HotQueriesUseIndexesTest {

    private static final String ID = "11111111-1111-4111-8111-111111111111";
    private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

    @Autowired
    MongoTemplate mongo;

    /**
     * The query is index-served ({@code IndexAssertions}) and by the index meant for it: another index
     * sharing a prefix (e.g. {@code status}) would hide the removal of the right one.
     */
    private void servedBy(String collection, Query query, String index) {
        assertIndexed(mongo, collection, query);
        Document explain = new Document("find", collection)
                .append("filter", mongo.getConverter().convertToMongoType(query.getQueryObject()));
        if (!query.getSortObject().isEmpty()) {
            explain.append("sort", query.getSortObject());
        }
        Document plan = mongo.getDb()
                .runCommand(new Document("explain", explain).append("verbosity", "queryPlanner"))
                .get("queryPlanner", Document.class);
        List<String> names = new ArrayList<>();
        indexNames(plan.get("winningPlan"), names);
        assertThat(names).as("indexes of the plan of %s on %s", query, collection)
                .contains(index);
    }

    private static void indexNames(Object node, List<String> names) {
        if (node instanceof Document document) {
            if (document.get("indexName") instanceof String name) {
                names.add(name);
            }
            document.values().forEach(value -> indexNames(value, names));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> indexNames(value, names));
        }
    }

    @Test
    void typedAndPhotoChecksReadOnePlateDocumentById() {
        servedBy(ReadModelQueries.PLATES, ReadModelQueries.plate("AB-123-CD"), "_id_");
        servedBy(ReadModelQueries.PLATES, ReadModelQueries.plates(List.of("AB-123-CD", "EF-456-GH")), "_id_");
    }

    @Test
    void checksAreReadCompletedAndRelayedThroughIndexes() {
        servedBy(CheckQueries.CHECKS, CheckQueries.byId(ID), "_id_");
        servedBy(CheckQueries.CHECKS, CheckQueries.pending(ID), "_id_");
        servedBy(CheckQueries.CHECKS, CheckQueries.inStatus(ID, com.autochec.verification.check.CheckStatus.NEEDS_CONFIRMATION), "_id_");
        servedBy(CheckQueries.CHECKS, CheckQueries.carryingEvent(ID, "evt-1"), "_id_");
        servedBy(CheckQueries.CHECKS, CheckQueries.unpublishedCompleted(500), "outbox_pending");
        servedBy(CheckQueries.CHECKS, CheckQueries.unpublishedImages(NOW, 50), "image_pending");
        servedBy(CheckQueries.CHECKS, CheckQueries.unpublishedVinImages(NOW, 50), "vin_image_pending");
        servedBy(CheckQueries.CHECKS, CheckQueries.awaitingVin(ID), "_id_");
        servedBy(CheckQueries.CHECKS, CheckQueries.unpublishedSignals(500), "signals_pending");
        servedBy(CheckQueries.CHECKS, CheckQueries.byIds(java.util.List.of(ID, "other")), "_id_");
        servedBy(CheckQueries.CHECKS, CheckQueries.vinUnread(ID), "_id_");
        servedBy(CheckQueries.CHECKS, CheckQueries.overdue(NOW, 100), "reading_deadline");
        servedBy(CheckQueries.CHECKS, CheckQueries.byRequester("00000000-0000-4000-8000-000000000002", 3, 20),
                "requester_checks");
    }

    @Test
    void fraudSignalsReadTheRecentSightingsOfAPlateThroughOneIndex() {
        servedBy(SightingQueries.SIGHTINGS, SightingQueries.recent("AB-123-CD", NOW.minusSeconds(7 * 86_400), 20), "plate_at");
        servedBy(SightingQueries.SIGHTINGS, SightingQueries.olderThan(NOW), "at");
    }

    @Test
    void evidencePhotosAreFoundAndExpiredThroughIndexes() {
        servedBy(EvidenceQueries.EVIDENCE, EvidenceQueries.byCheckId(ID), "_id_");
        servedBy(EvidenceQueries.EVIDENCE, EvidenceQueries.storedBefore(NOW, 500), "created_at");
    }

    @Test
    void theProjectorsLookupsAreIndexServed() {
        List<String> ids = List.of("veh-1", "veh-2");
        for (String collection : List.of(ReadModelQueries.VEHICLES, ReadModelQueries.DOCUMENTS)) {
            servedBy(collection, ReadModelQueries.byId("veh-1"), "_id_");
            servedBy(collection, ReadModelQueries.byIds(ids), "_id_");
        }
        servedBy(ReadModelQueries.PLATES, ReadModelQueries.plateAtRevision("AB-123-CD", 3), "_id_");
        servedBy(ReadModelQueries.VEHICLES, ReadModelQueries.vehicleByPlate("AB-123-CD"), "plate_unique");
        servedBy(ReadModelQueries.VEHICLES, ReadModelQueries.vehiclesByPlates(List.of("AB-123-CD", "EF-456-GH")), "plate_unique");
        servedBy(ReadModelQueries.VEHICLES, ReadModelQueries.vehicleByVin("VF1RFB00012345678"), "vin_unique");
        servedBy(ReadModelQueries.VEHICLES, ReadModelQueries.vehiclesByVins(List.of("VIN1", "VIN2")), "vin_unique");
        servedBy(ReadModelQueries.DOCUMENTS, ReadModelQueries.documentsByVins(List.of("VIN1", "VIN2")), "vin");
    }

    @Test
    void theAssertionCatchesAQueryNoIndexServes() {
        assertThatThrownBy(() -> assertIndexed(mongo, CheckQueries.CHECKS, query(where("purpose").is("parking"))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not served by an index");
    }
}
