package com.autochec.verification.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.verification.ControlledClockIntegration;
import com.autochec.verification.MutableClock;
import com.autochec.verification.readmodel.OwnerRecord;
import com.autochec.verification.readmodel.PlateRecord;
import com.autochec.verification.readmodel.VehicleRecord;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code GET /api/checks/mine}: the caller's own checks only, newest first, by pages, each with its channel and
 * its report link when it gets a report; anonymous callers get 401, bad paging 400.
 */
@ControlledClockIntegration
class MyChecksIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MutableClock clock;

    static JwtRequestPostProcessor as(String subject, String role) {
        return jwt().jwt(j -> j.subject(subject).claim("preferred_username", role).claim("roles", List.of(role))
                        .claim("organisation", "Police nationale (démo)"))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    private String registered() {
        String plate = String.format("MC-%03d-CK", (int) (Math.random() * 900) + 100);
        VehicleRecord vehicle = new VehicleRecord(UUID.randomUUID().toString(), 1, plate, null, "Renault", "Clio", "V",
                2020, "grey", "M1", "petrol", 5, 67, LocalDate.parse("2024-01-01"), false,
                new OwnerRecord("own-1", "PERSON", "Odile Martin", null, null, "Lyon", null, "owner-sub"), clock.instant());
        mongo.save(new PlateRecord(plate, 1, vehicle, List.of(), clock.instant()));
        return plate;
    }

    private String check(String plate, JwtRequestPostProcessor who) throws Exception {
        clock.advance(Duration.ofMinutes(1));
        String body = mvc.perform(post("/api/checks").with(who).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"" + plate + "\",\"purpose\":\"ROADSIDE_CONTROL\"}"))
                .andReturn().getResponse().getContentAsString();
        // an unknown plate is answered with a 404 problem naming the check it recorded
        return body.contains("\"checkId\"") ? JsonPath.read(body, "$.checkId") : JsonPath.read(body, "$.id");
    }

    @Test
    void anAgentListsOnlyTheirOwnChecksNewestFirstByPages() throws Exception {
        String agent = UUID.randomUUID().toString();
        JwtRequestPostProcessor me = as(agent, "agent");
        String plate = registered();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(0, check(plate, me));
            check(plate, as(UUID.randomUUID().toString(), "agent"));   // another agent's, never listed
        }
        String unknown = check("ZZ-999-ZZ", me);   // found no vehicle: listed, without a report
        mine.add(0, unknown);

        mvc.perform(get("/api/checks/mine").param("size", "3").with(me))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[0].id").value(mine.get(0)))
                .andExpect(jsonPath("$.items[0].verdict").value("NOT_FOUND"))
                .andExpect(jsonPath("$.items[0].report").doesNotExist())
                .andExpect(jsonPath("$.items[1].id").value(mine.get(1)))
                .andExpect(jsonPath("$.items[1].plate").value(plate))
                .andExpect(jsonPath("$.items[1].source").value("TYPED"))
                .andExpect(jsonPath("$.items[1].report").value("/api/checks/" + mine.get(1) + "/report"))
                .andExpect(jsonPath("$.items[1].vehicle").doesNotExist())
                .andExpect(jsonPath("$.items[2].id").value(mine.get(2)))
                .andExpect(jsonPath("$.hasMore").value(true));
        mvc.perform(get("/api/checks/mine").param("page", "1").param("size", "3").with(me))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(mine.get(3)))
                .andExpect(jsonPath("$.hasMore").value(false));
        // each one opens as the check itself
        mvc.perform(get("/api/checks/" + mine.get(1)).with(me)).andExpect(status().isOk());
    }

    @Test
    void aPublicUsersChecksHaveNoReportLink() throws Exception {
        String user = UUID.randomUUID().toString();
        String id = check(registered(), as(user, "owner"));
        mvc.perform(get("/api/checks/mine").with(as(user, "owner")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].report").doesNotExist())
                .andExpect(jsonPath("$.size").value(20));
    }

    @Test
    void anonymousCallersAreAskedToSignIn() throws Exception {
        mvc.perform(get("/api/checks/mine")).andExpect(status().isUnauthorized());
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=-1", "page=201", "size=0", "size=51", "size=ten", "page={\"$gt\":1}"})
    void badPagingIsAValidationProblem(String query) throws Exception {
        String[] kv = query.split("=", 2);
        mvc.perform(get("/api/checks/mine").param(kv[0], kv[1]).with(as(UUID.randomUUID().toString(), "agent")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(kv[0]));
        assertThat(kv[0]).isIn("page", "size");
    }
}
