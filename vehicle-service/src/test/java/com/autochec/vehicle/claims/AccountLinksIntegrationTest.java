package com.autochec.vehicle.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.contracts.Topics;
import com.autochec.contracts.account.AccountVehicleLinked;
import com.autochec.localstack.testing.EmbeddedInfrastructure;
import com.autochec.vehicle.registry.VehicleDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An approved claim arriving from auth-service links the holder to the account: versioned, published, idempotent
 * on redelivery, and the account then sees the vehicle — and only it — in {@code GET /api/vehicles/mine}.
 */
@SpringBootTest(properties = "autochec.platform.outbox.sweep-interval=500ms")
@AutoConfigureMockMvc
@Import(EmbeddedInfrastructure.class)
class AccountLinksIntegrationTest {

    private static final String HEADER = "plate,vin,make,model,variant,year,colour,category,fuel,fiscal_power,power_kw,"
            + "first_registration,stolen,owner_id,owner_kind,owner_name,owner_street,owner_postal_code,owner_town,"
            + "owner_email,owner_account_id\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    @Qualifier("kafkaTemplate")
    KafkaTemplate<String, Object> kafka;

    @Test
    void anApprovedClaimLinksTheHolderOnceAndTheAccountSeesThatVehicleOnly() throws Exception {
        String linkedPlate = "LK-" + (100 + (int) (Math.random() * 900)) + "-AB";
        String otherPlate = "LK-" + (100 + (int) (Math.random() * 900)) + "-CD";
        String vin = "VF1LNKA" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 10);
        String otherVin = "VF1LNKA" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 10);
        mvc.perform(post("/api/vehicles/import").with(admin()).contentType("text/csv").content(HEADER
                        + row(linkedPlate, vin, "holder-1") + row(otherPlate, otherVin, "holder-2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        VehicleDocument before = byVin(vin);
        String account = UUID.randomUUID().toString();

        AccountVehicleLinked link = new AccountVehicleLinked(
                UUID.randomUUID().toString(), Instant.now(), "claim-1", account, before.id(), vin, linkedPlate);
        kafka.send(Topics.ACCOUNT_VEHICLE_LINKS, before.id(), link);
        await().atMost(Duration.ofSeconds(60)).until(() -> account.equals(byVin(vin).owner().accountId()));
        VehicleDocument linked = byVin(vin);
        assertThat(linked.version()).isEqualTo(before.version() + 1);
        assertThat(linked.owner().ownerId()).isEqualTo("holder-1"); // same holder: no change of ownership
        assertThat(linked.ownershipHistory()).isEmpty();
        await().atMost(Duration.ofSeconds(60)).until(() -> byVin(vin).outbox().published());

        // redelivered: nothing written again (the version stays)
        kafka.send(Topics.ACCOUNT_VEHICLE_LINKS, before.id(), link);
        kafka.send(Topics.ACCOUNT_VEHICLE_LINKS, "marker", new AccountVehicleLinked(UUID.randomUUID().toString(),
                Instant.now(), "claim-2", "other-account", byVin(otherVin).id(), otherVin, otherPlate));
        await().atMost(Duration.ofSeconds(60)).until(() -> "other-account".equals(byVin(otherVin).owner().accountId()));
        assertThat(byVin(vin).version()).isEqualTo(linked.version());

        mvc.perform(get("/api/vehicles/mine").with(owner(account)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].plate").value(linkedPlate));
    }

    private VehicleDocument byVin(String vin) {
        return mongo.findOne(Query.query(where("vin").is(vin)), VehicleDocument.class);
    }

    private static String row(String plate, String vin, String ownerId) {
        return plate + "," + vin + ",Renault,Clio,TCe 90,2019,Rouge,VP,ESSENCE,5,66,2019-03-01,false," + ownerId
                + ",PERSON,Julien Moreau,\"8 rue Mercière\",69002,Lyon,,\n";
    }

    private static RequestPostProcessor admin() {
        return jwt().jwt(j -> j.subject("00000000-0000-4000-8000-000000000001").claim("roles", List.of("admin")))
                .authorities(new SimpleGrantedAuthority("ROLE_admin"));
    }

    private static RequestPostProcessor owner(String subject) {
        return jwt().jwt(j -> j.subject(subject).claim("roles", List.of("owner")))
                .authorities(new SimpleGrantedAuthority("ROLE_owner"));
    }
}
