package com.autochec.auth.users;

import static com.autochec.auth.Roles.admin;
import static com.autochec.auth.Roles.agent;
import static com.autochec.auth.Roles.owner;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.auth.audit.AuditTrail;
import com.autochec.auth.config.WebSliceConfig;
import com.autochec.auth.directory.UserDirectory;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(AccountController.class)
@Import({WebSliceConfig.class, Accounts.class})
class AccountControllerTest {

    private static final UserDirectory.DirectoryUser OWNER =
            new UserDirectory.DirectoryUser("kc-3", "owner", "owner@autochec.local", "Odile", "Martin", null, true);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    UserDirectory directory;

    @MockitoBean
    AuditTrail audit;

    List<AuditTrail.Entry> audited;

    @org.junit.jupiter.api.BeforeEach
    void auditedChangesRun() {
        audited = com.autochec.auth.audit.AuditTrailStubs.runChanges(audit);
    }

    @Test
    void adminsListAccountsByRolePageByPage() throws Exception {
        List<UserDirectory.DirectoryUser> three = IntStream.range(0, 3)
                .mapToObj(i -> new UserDirectory.DirectoryUser("kc-" + i, "owner" + i, null, null, null, null, true))
                .toList();
        when(directory.listByRole("owner", 2, 3)).thenReturn(three);

        mvc.perform(get("/api/accounts/users?role=owner&page=1&size=2").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].username").value("owner0"))
                .andExpect(jsonPath("$.hasMore").value(true))
                .andExpect(jsonPath("$.page").value(1));
    }

    @Test
    void anUnknownRoleOrAHugePageIsAValidationProblem() throws Exception {
        mvc.perform(get("/api/accounts/users?role=root").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/accounts/users?role=agent&size=100000").with(admin()))
                .andExpect(status().isBadRequest());
        verify(directory, never()).listByRole(anyString(), anyInt(), anyInt());
    }

    @Test
    void onlyAdminsManageAccounts() throws Exception {
        for (var caller : List.of(agent(), owner())) {
            mvc.perform(get("/api/accounts/users?role=owner").with(caller))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/forbidden"));
            mvc.perform(post("/api/accounts/users/owner/disable").with(caller)).andExpect(status().isForbidden());
            mvc.perform(post("/api/accounts/users/owner/enable").with(caller)).andExpect(status().isForbidden());
            mvc.perform(post("/api/accounts/users/owner/reset-credentials").with(caller)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"temporaryPassword\":\"Change-me-42\"}"))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/accounts/users?role=owner")).andExpect(status().isUnauthorized());
        verify(directory, never()).setEnabled(anyString(), anyBoolean());
        verify(directory, never()).resetPassword(anyString(), anyString());
    }

    @Test
    void disableEnableAndResetAreAuditedAdminActions() throws Exception {
        when(directory.findByUsername("owner")).thenReturn(Optional.of(OWNER));
        when(directory.setEnabled("kc-3", false)).thenReturn(OWNER);
        when(directory.setEnabled("kc-3", true)).thenReturn(OWNER);

        mvc.perform(post("/api/accounts/users/owner/disable").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(post("/api/accounts/users/owner/enable").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true));
        mvc.perform(post("/api/accounts/users/owner/reset-credentials").with(admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"temporaryPassword\":\"Change-me-42\"}"))
                .andExpect(status().isOk());
        verify(directory).resetPassword("kc-3", "Change-me-42");
        org.assertj.core.api.Assertions.assertThat(audited).extracting(AuditTrail.Entry::outcome)
                .containsExactly("DISABLED", "ENABLED", "CREDENTIALS_RESET");
        org.assertj.core.api.Assertions.assertThat(audited).extracting(AuditTrail.Entry::resourceId).containsOnly("kc-3");
    }

    @Test
    void anAdminCannotDisableTheirOwnAccount() throws Exception {
        mvc.perform(post("/api/accounts/users/admin/disable").with(admin()))
                .andExpect(status().isConflict());
        verify(directory, never()).setEnabled(anyString(), anyBoolean());
    }

    @Test
    void keycloakDownIsA503ProblemAndNothingIsAudited() throws Exception {
        when(directory.listByRole(anyString(), anyInt(), anyInt()))
                .thenThrow(new UserDirectory.Unavailable("Keycloak failed repeatedly (circuit open).", null));
        when(directory.findByUsername("owner")).thenThrow(new UserDirectory.Unavailable("down", null));

        mvc.perform(get("/api/accounts/users?role=agent").with(admin()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unavailable"));
        mvc.perform(post("/api/accounts/users/owner/disable").with(admin()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unavailable"));
        verify(audit, never()).audited(any(), any());
    }
}
