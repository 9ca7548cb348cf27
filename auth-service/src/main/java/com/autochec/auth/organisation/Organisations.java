package com.autochec.auth.organisation;

import com.autochec.auth.audit.AuditTrail;
import com.autochec.auth.directory.UserDirectory;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/**
 * The organisations: create, list, enable/disable, look up (for agents). Disabling an organisation disables
 * its enabled agents in Keycloak and ends their sessions: their next token request fails at once, and the
 * access tokens they hold stop working when they expire (the realm's access-token lifetime, 5 minutes).
 */
@Service
public class Organisations {

    private static final Logger log = LoggerFactory.getLogger(Organisations.class);
    private static final Sort BY_NAME = Sort.by("nameKey");

    private final OrganisationRepository repository;
    private final Clock clock;
    private final UserDirectory directory;
    private final AuditTrail audit;

    Organisations(OrganisationRepository repository, Clock clock, UserDirectory directory, AuditTrail audit) {
        this.repository = repository;
        this.clock = clock;
        this.directory = directory;
        this.audit = audit;
    }

    List<OrganisationResponse> list(boolean includeInactive) {
        // "all" is "active or not", so that both lists are served by the (active, name) index
        List<Organisation> found = includeInactive
                ? repository.findByActiveIn(List.of(true, false), BY_NAME)
                : repository.findByActiveTrue(BY_NAME);
        return found.stream().map(OrganisationResponse::of).toList();
    }

    OrganisationResponse create(String name, OrganisationKind kind, Caller caller) {
        return audit.audited(
                AuditTrail.Entry.adminAction(caller, "ORGANISATION", null, "CREATED", Map.of("name", name.strip(), "kind", kind.name())),
                () -> insert(name, kind),
                created -> AuditTrail.Entry.adminAction(caller, "ORGANISATION", created.id(), "CREATED",
                        Map.of("name", created.name(), "kind", created.kind().name())));
    }

    private OrganisationResponse insert(String name, OrganisationKind kind) {
        String clean = name.strip().replaceAll("\\s+", " ");
        Organisation organisation = new Organisation(
                UUID.randomUUID().toString(), clean, Organisation.keyOf(clean), kind, true, clock.instant(), List.of());
        try {
            return OrganisationResponse.of(repository.insert(organisation));
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("Une organisation nommée « " + clean + " » existe déjà.");
        }
    }

    /**
     * Disables (with its agents) or re-enables (with the agents it had disabled) an organisation. Safe to
     * repeat: a disable interrupted by a Keycloak outage (503) is completed by the next one, an enable too.
     */
    OrganisationResponse setActive(String id, boolean active, Caller caller) {
        Organisation organisation = repository.findById(id)
                .orElseThrow(() -> ApiProblem.notFound("Aucune organisation avec l'identifiant " + id + "."));
        String operation = active ? "ENABLED" : "DISABLED";
        try {
            Organisation saved = audit.audited(
                    AuditTrail.Entry.adminAction(caller, "ORGANISATION", id, operation, Map.of("active", active)),
                    () -> active ? enable(organisation) : disable(organisation),
                    done -> AuditTrail.Entry.adminAction(caller, "ORGANISATION", id, operation, Map.of("active", active,
                            "agents", active ? organisation.suspendedAgentIds() : done.suspendedAgentIds())));
            return OrganisationResponse.of(saved);
        } catch (UserDirectory.Unavailable e) {
            throw ApiProblem.unavailable("Le service d'identité (Keycloak) est indisponible : les agents de l'organisation "
                    + "n'ont pas tous été " + (active ? "réactivés" : "désactivés") + ". Réessayez dans un instant.");
        }
    }

    private Organisation disable(Organisation organisation) {
        // 1. which agents to suspend (Keycloak read first: nothing changes when it is down)
        Set<String> suspended = new LinkedHashSet<>(organisation.suspendedAgentIds());
        directory.agentsOf(organisation.name()).stream()
                .filter(UserDirectory.DirectoryUser::enabled)
                .forEach(agent -> suspended.add(agent.id()));
        // 2. the organisation is disabled (no new agent can be created in it) and remembers them
        Organisation disabled = repository.save(organisation.withActive(false, new ArrayList<>(suspended)));
        // 3. each one disabled, its sessions ended (idempotent: a retry redoes what an outage interrupted)
        for (String agentId : suspended) {
            directory.setEnabled(agentId, false);
        }
        log.info("Organisation \"{}\" disabled with {} agent(s)", organisation.name(), suspended.size());
        return disabled;
    }

    private Organisation enable(Organisation organisation) {
        for (String agentId : organisation.suspendedAgentIds()) {
            try {
                directory.setEnabled(agentId, true);
            } catch (UserDirectory.Rejected gone) { // deleted from Keycloak meanwhile
                log.info("Suspended agent {} no longer exists", agentId);
            }
        }
        return repository.save(organisation.withActive(true, List.of()));
    }

    /** For other features (agents): the organisation with this id, if any. */
    public Optional<OrganisationResponse> find(String id) {
        return repository.findById(id).map(OrganisationResponse::of);
    }

    /** Creates the organisation unless one with the same name exists; true if it was created. */
    boolean ensureExists(String name, OrganisationKind kind) {
        if (repository.findByNameKey(Organisation.keyOf(name)).isPresent()) {
            return false;
        }
        try {
            insert(name, kind);
            return true;
        } catch (ApiProblem e) { // another instance created it meanwhile
            return false;
        }
    }
}
