package com.autochec.auth.agent;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/agents}: admins create and disable agent accounts (in Keycloak). */
@RestController
@RequestMapping("/api/agents")
@PreAuthorize("hasRole('admin')")
class AgentController {

    private final Agents agents;

    AgentController(Agents agents) {
        this.agents = agents;
    }

    @PostMapping
    ResponseEntity<AgentResponse> create(@Valid @RequestBody AgentRequests.Create request) {
        AgentResponse created = agents.create(request);
        return ResponseEntity.created(URI.create("/api/agents/" + created.username())).body(created);
    }

    @PostMapping("/{username}/disable")
    AgentStatus disable(@PathVariable String username) {
        AgentDirectory.DirectoryAgent agent = agents.disable(username);
        return new AgentStatus(agent.id(), agent.username(), agent.enabled());
    }

    record AgentStatus(String id, String username, boolean enabled) {}
}
