package com.autochec.auth.agent;

import com.autochec.auth.audit.AuditTrail;
import com.autochec.auth.directory.UserDirectory;
import com.autochec.auth.organisation.OrganisationResponse;
import com.autochec.auth.organisation.Organisations;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Creating agents: checks the organisation, asks the directory, records the admin action. */
@Service
class Agents {

    private final UserDirectory directory;
    private final Organisations organisations;
    private final AuditTrail audit;

    Agents(UserDirectory directory, Organisations organisations, AuditTrail audit) {
        this.directory = directory;
        this.organisations = organisations;
        this.audit = audit;
    }

    AgentResponse create(AgentRequests.Create request, Caller caller) {
        OrganisationResponse organisation = organisations.find(request.organisationId())
                .orElseThrow(() -> ApiProblem.validation("organisationId", "organisation inconnue"));
        if (!organisation.active()) {
            throw ApiProblem.conflict("L'organisation « " + organisation.name() + " » est désactivée.");
        }
        String username = request.username().toLowerCase(Locale.ROOT);
        UserDirectory.NewAgent agent = new UserDirectory.NewAgent(
                username,
                request.email().strip(),
                request.firstName().strip(),
                request.lastName().strip(),
                organisation.name(),
                organisation.kind().name(),
                request.temporaryPassword());
        String id;
        try {
            id = directory.createAgent(agent);
        } catch (UserDirectory.AlreadyExists e) {
            throw ApiProblem.conflict(e.getMessage());
        } catch (UserDirectory.Rejected e) {
            throw ApiProblem.validation(e.field(), e.getMessage());
        } catch (UserDirectory.Unavailable e) {
            throw ApiProblem.unavailable("Le service d'identité (Keycloak) est indisponible : l'agent n'a pas été créé.");
        }
        audit.record(AuditTrail.Entry.adminAction(caller, "ACCOUNT", id, "AGENT_CREATED",
                Map.of("username", username, "organisation", organisation.name())));
        return new AgentResponse(
                id,
                username,
                agent.email(),
                agent.firstName(),
                agent.lastName(),
                new AgentResponse.OrganisationRef(organisation.id(), organisation.name()),
                true);
    }
}
