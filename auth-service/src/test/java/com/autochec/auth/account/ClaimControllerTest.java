package com.autochec.auth.account;

import static com.autochec.auth.Roles.OWNER_ID;
import static com.autochec.auth.Roles.admin;
import static com.autochec.auth.Roles.user;
import static com.autochec.auth.Roles.owner;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.auth.config.WebSliceConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ClaimController.class)
@Import({WebSliceConfig.class, Claims.class})
class ClaimControllerTest {

    private static final String VIN = "VF1RFB00X12345678";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    VehicleClaimRepository claims;

    @Test
    void ownerClaimsAVehicleWhichWaitsForAnAdmin() throws Exception {
        when(claims.insert(any(VehicleClaim.class))).thenAnswer(i -> i.getArgument(0));

        mvc.perform(post("/api/accounts/claims").with(owner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"ab 123 cd\",\"vin\":\"vf1rfb00x12345678\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.plate").value("AB-123-CD"))
                .andExpect(jsonPath("$.vin").value(VIN))
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.accountId").value(OWNER_ID))
                .andExpect(jsonPath("$.createdAt").value("2025-06-01T10:00:00Z"));

        ArgumentCaptor<VehicleClaim> stored = ArgumentCaptor.forClass(VehicleClaim.class);
        verify(claims).insert(stored.capture());
        assertThat(stored.getValue().username()).isEqualTo("owner");
    }

    @Test
    void onlyOwnersClaim() throws Exception {
        // Keycloak's default roles give every account "owner"; an account without it may not claim.
        mvc.perform(post("/api/accounts/claims").with(user("s-9", "agent-only", "Police nationale (démo)", "agent"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"AB-123-CD\",\"vin\":\"" + VIN + "\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verify(claims, never()).insert(any(VehicleClaim.class));
    }

    @Test
    void badPlateAndVinAreListed() throws Exception {
        mvc.perform(post("/api/accounts/claims").with(owner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"HELLO\",\"vin\":\"IOQ\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("plate"))
                .andExpect(jsonPath("$.errors[1].field").value("vin"));
    }

    @Test
    void injectionAttemptsAreMalformedRequests() throws Exception {
        mvc.perform(post("/api/accounts/claims").with(owner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":{\"$ne\":null},\"vin\":\"" + VIN + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/malformed-request"));
    }

    @Test
    void aSecondPendingClaimForTheSameVehicleIsAConflict() throws Exception {
        when(claims.existsByAccountIdAndVinAndStatus(OWNER_ID, VIN, ClaimStatus.PENDING)).thenReturn(true);
        mvc.perform(post("/api/accounts/claims").with(owner())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plate\":\"AB-123-CD\",\"vin\":\"" + VIN + "\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void ownersListTheirOwnClaimsAndAdminsThePendingOnes() throws Exception {
        when(claims.findByAccountId(eq(OWNER_ID), any(Sort.class))).thenReturn(List.of());
        when(claims.findByStatus(eq(ClaimStatus.PENDING), any(Sort.class))).thenReturn(List.of());
        mvc.perform(get("/api/accounts/claims").with(owner())).andExpect(status().isOk());
        verify(claims).findByAccountId(eq(OWNER_ID), any(Sort.class));
        mvc.perform(get("/api/accounts/claims").with(admin())).andExpect(status().isOk());
        verify(claims).findByStatus(eq(ClaimStatus.PENDING), any(Sort.class));
    }
}
