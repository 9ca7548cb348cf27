package com.autochec.audit.ownerview;

import static com.autochec.audit.web.TestJwts.OWNER_ID;
import static com.autochec.audit.web.TestJwts.admin;
import static com.autochec.audit.web.TestJwts.agent;
import static com.autochec.audit.web.TestJwts.owner;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.audit.config.SecurityConfig;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(MyVehiclesController.class)
@Import(SecurityConfig.class)
class MyVehiclesControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ConsultationsOfMyVehicles consultations;

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Test
    void ownerSeesConsultationsOfTheirVehicles() throws Exception {
        given(consultations.forOwner(OWNER_ID)).willReturn(new MyVehiclesResponse(List.of(new MyVehiclesResponse.Vehicle(
                "AB-123-CD", "veh-1", List.of(new MyVehiclesResponse.Consultation(Instant.parse("2025-06-01T10:00:00Z"),
                        "CHECK", "Police nationale (démo)", "agent", false, "ROADSIDE_CONTROL", "Contrôle routier")), 3,
                List.of(new MyVehiclesResponse.DailyCount(java.time.LocalDate.parse("2025-06-01"), 3))))));
        mvc.perform(get("/api/audit/my-vehicles").with(owner()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vehicles[0].plate").value("AB-123-CD"))
                .andExpect(jsonPath("$.vehicles[0].consultations[0].organisation").value("Police nationale (démo)"))
                .andExpect(jsonPath("$.vehicles[0].consultations[0].username").doesNotExist())
                .andExpect(jsonPath("$.vehicles[0].publicLookups").value(3));
    }

    @Test
    void onlyOwnersHaveThisView() throws Exception {
        mvc.perform(get("/api/audit/my-vehicles").with(agent())).andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/my-vehicles").with(admin())).andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/my-vehicles")).andExpect(status().isUnauthorized());
    }
}
