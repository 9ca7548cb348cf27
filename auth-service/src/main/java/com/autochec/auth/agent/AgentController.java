package com.autochec.auth.agent;

import com.autochec.auth.users.Accounts;
import com.autochec.platform.security.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/agents}: admins create an agent account (in Keycloak) in an active organisation. Listing,
 * disabling, enabling and resetting accounts: {@code /api/accounts/users} (any role).
 */
@RestController
@RequestMapping("/api/agents")
@PreAuthorize("hasRole('admin')")
class AgentController {

    private final Agents agents;
    private final Accounts accounts;

    AgentController(Agents agents, Accounts accounts) {
        this.agents = agents;
        this.accounts = accounts;
    }

    @PostMapping
    ResponseEntity<AgentResponse> create(@Valid @RequestBody AgentRequests.Create request, Caller caller) {
        AgentResponse created = agents.create(request, caller);
        return ResponseEntity.created(URI.create("/api/accounts/users/" + created.username())).body(created);
    }

    /** Kept from the first version of the API: the same as {@code POST /api/accounts/users/{username}/disable}. */
    @PostMapping("/{username}/disable")
    Accounts.AccountView disable(@PathVariable String username, Caller caller) {
        return accounts.setEnabled(username, false, caller);
    }
}
