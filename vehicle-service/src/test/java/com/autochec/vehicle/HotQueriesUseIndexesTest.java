package com.autochec.vehicle;

import static com.autochec.localstack.testing.IndexAssertions.assertIndexed;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.autochec.vehicle.registry.VehicleDocument;
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
 * Every query vehicle-service runs on a request or consumer path, as {@code VehicleStore} and the outbox
 * build it (named after the method), is served by an index on the local stack's store ({@code explain}):
 * a removed index or a query the planner cannot serve makes this fail.
 */
@SpringBootTest(properties = "autochec.platform.outbox.sweep-interval=500ms")
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class HotQueriesUseIndexesTest {

    static final String VEHICLES = "vehicles";

    @Autowired
    MongoTemplate mongo;

    @Test
    void lookupsByPlateVinIdAndOwner() {
        // VehicleStore.findByPlate (GET /api/vehicles?plate=) and findByVin (registration, updates)
        assertIndexed(mongo, VEHICLES, Query.query(where("plate").is("AB-123-CD")));
        assertIndexed(mongo, VEHICLES, Query.query(where("vin").is("VF1RFB00X12345678")));
        // VehicleStore.findById (GET /api/vehicles/{id}) and atVersion (conditional replace, outbox mark)
        assertIndexed(mongo, VEHICLES, Query.query(where("_id").is("v-1")));
        assertIndexed(mongo, VEHICLES, Query.query(where("_id").is("v-1").and("version").is(3L)));
        // VehicleStore.findByAccount (GET /api/vehicles/mine)
        assertIndexed(mongo, VEHICLES, Query.query(where("owner.accountId").is("acc-1").and("deleted").ne(true))
                .with(Sort.by("plate")));
    }

    @Test
    void csvImportLooksUpRowsByVinAndPlateInBatches() {
        // VehicleStore.findByVins / findByPlates (VehicleImporter, chunks of rows)
        assertIndexed(mongo, VEHICLES, Query.query(where("deleted").is(false)
                .and("vin").in(List.of("VF1RFB00X12345678", "VF3ABCDEFGH123456"))));
        assertIndexed(mongo, VEHICLES, Query.query(where("deleted").is(false)
                .and("plate").in(List.of("AB-123-CD", "EF-456-GH"))));
    }

    @Test
    void adminListAndCount() {
        // VehicleStore.page / countLive (GET /api/vehicles, admin): live vehicles in plate order
        assertIndexed(mongo, VEHICLES, Query.query(where("deleted").is(false)).with(Sort.by("plate")).skip(50).limit(50));
    }

    @Test
    void outboxPendingEntries() {
        // VehicleStateOutbox.pending (the relay's sweep)
        assertIndexed(mongo, VEHICLES, Query.query(where("outbox.published").is(false)).limit(100));
    }

    @Test
    void removingAnIndexMakesTheCheckFail() {
        Query mine = Query.query(where("owner.accountId").is("acc-1").and("deleted").ne(true));
        var indexes = mongo.indexOps(VehicleDocument.class);
        indexes.dropIndex("owner_account");
        try {
            assertThatThrownBy(() -> assertIndexed(mongo, VEHICLES, mine)).isInstanceOf(AssertionError.class);
        } finally {
            indexes.createIndex(new Index().on("owner.accountId", Sort.Direction.ASC).sparse().named("owner_account"));
        }
        assertIndexed(mongo, VEHICLES, mine);
    }
}
