package com.autochec.vehicle;

import static com.autochec.localstack.testing.IndexAssertions.assertIndexed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.contracts.plate.Plate;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.autochec.vehicle.config.Jwts;
import com.autochec.vehicle.registry.Owner;
import com.autochec.vehicle.registry.OwnerKind;
import com.autochec.vehicle.registry.PlateNeighbours;
import com.autochec.vehicle.registry.VehicleData;
import com.autochec.vehicle.registry.VehicleDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;

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

    @Autowired
    MockMvc mvc;

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
    void fuzzyPlateSearchLooksUpByKeyOnly() {
        // PlateSearch (GET /api/vehicles/search): the plate and its confusable variants in one $in ...
        Plate misread = Plate.parse("AB-I23-CD");
        List<String> close = new ArrayList<>(List.of(misread.value()));
        misread.confusableVariants().forEach(v -> close.add(v.value()));
        assertIndexed(mongo, VEHICLES, Query.query(where("deleted").is(false).and("plate").in(close)));
        // ... then the one-substitution neighbours in $in batches (127 for an SIV plate: one batch)
        List<String> neighbours = PlateNeighbours.substitutions(Plate.parse("AB-123-CD")).stream()
                .map(Plate::value)
                .toList();
        assertThat(neighbours).hasSize(127);
        assertIndexed(mongo, VEHICLES, Query.query(where("deleted").is(false).and("plate").in(neighbours)));
        List<String> misreadNeighbours = PlateNeighbours.substitutions(misread).stream()
                .map(Plate::value)
                .toList();
        assertIndexed(mongo, VEHICLES, Query.query(where("deleted").is(false).and("plate").in(misreadNeighbours)));
    }

    @Test
    void fuzzyPlateSearchOnTheEmbeddedStore() throws Exception {
        // random plates of their own, so that other tests sharing the store do not interfere
        Random random = new Random();
        String letters = "ABCDEFGHJKLMNPQRSTVXYZ";
        String left = "" + letters.charAt(random.nextInt(letters.length())) + letters.charAt(random.nextInt(letters.length()));
        String right = "" + letters.charAt(random.nextInt(letters.length())) + letters.charAt(random.nextInt(letters.length()));
        String exact = left + "-123-" + right;
        String neighbour = left + "-124-" + right;
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        Owner owner = new Owner("o-fuzzy", OwnerKind.PERSON, "Odile Martin", "1 rue de la Paix", "75002", "Paris",
                "odile@example.org", "acc-fuzzy");
        for (String plate : List.of(exact, neighbour)) {
            String vin = String.format("VF1%014d", Math.floorMod(random.nextLong(), 100_000_000_000_000L));
            mongo.insert(VehicleDocument.create(
                    new VehicleData(plate, vin, "Renault", "Clio", null, 2019, "gris", "VP", "DIESEL", 5, 66, null, owner),
                    null,
                    now));
        }
        mvc.perform(get("/api/vehicles/search").param("plate", left + "I23" + right).with(Jwts.agent()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates[0].plate").value(exact))
                .andExpect(jsonPath("$.candidates[0].match").value("CONFUSABLE"))
                .andExpect(jsonPath("$.candidates[0].owner").doesNotExist());
        mvc.perform(get("/api/vehicles/search").param("plate", exact).with(Jwts.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.candidates[0].plate").value(exact))
                .andExpect(jsonPath("$.candidates[0].match").value("EXACT"))
                .andExpect(jsonPath("$.candidates[?(@.plate == '" + neighbour + "')].match").value("ONE_EDIT"));
        mvc.perform(get("/api/vehicles/search").param("plate", exact).with(Jwts.owner()))
                .andExpect(status().isForbidden());
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
    void aHoldersVehicles() {
        // VehicleStore.findByOwnerId (GET/PUT /api/vehicles/owners/{ownerId})
        assertIndexed(mongo, VEHICLES, Query.query(where("owner.ownerId").is("o-1").and("deleted").ne(true))
                .with(Sort.by("plate")).limit(500));
    }

    @Test
    void proposalsQueueAndMine() {
        // ProposalStore.page / count (GET /api/proposals?status=PENDING, oldest first) and mine (GET /api/proposals/mine)
        assertIndexed(mongo, "proposals", Query.query(where("status").is("PENDING")).with(Sort.by("createdAt")).skip(50).limit(50));
        assertIndexed(mongo, "proposals", Query.query(where("status").is("PENDING")));
        assertIndexed(mongo, "proposals", Query.query(where("proposedBy").is("acc-1"))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(200));
        // ProposalStore.find and the conditional decision write
        assertIndexed(mongo, "proposals", Query.query(where("_id").is("p-1")));
        assertIndexed(mongo, "proposals", Query.query(where("_id").is("p-1").and("version").is(1L)));
    }

    @Test
    void auditOutboxesPendingEntriesAndMarks() {
        // EmbeddedAuditOutbox.pending (the relay's sweep) and its conditional mark, for each carrier collection
        for (String collection : List.of(VEHICLES, "proposals", "vehicle_views")) {
            assertIndexed(mongo, collection, com.autochec.platform.outbox.EmbeddedAuditOutbox.pendingQuery(100));
            assertIndexed(mongo, collection, Query.query(where("_id").is("x").and("version").is(2L)));
        }
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
