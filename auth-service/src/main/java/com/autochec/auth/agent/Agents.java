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

/** Creating agents: checks the organisation, asks the directory between the audited intent and outcome. */
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
        Map<String, Object> after = Map.of("username", username, "organisation", organisation.name());
        AuditTrail.Entry action = AuditTrail.Entry.adminAction(caller, "ACCOUNT", null, "AGENT_CREATED", after);
        String id;
        try {
            id = audit.audited(action, () -> directory.createAgent(agent),
                    created -> AuditTrail.Entry.adminAction(caller, "ACCOUNT", created, "AGENT_CREATED", after));
        } catch (UserDirectory.AlreadyExists e) {
            throw ApiProblem.conflict(e.getMessage());
        } catch (UserDirectory.Rejected e) {
            throw ApiProblem.validation(e.field(), e.getMessage());
        } catch (UserDirectory.Unavailable e) {
            throw ApiProblem.unavailable("Le service d'identité (Keycloak) est indisponible : l'agent n'a pas été créé.");
        }
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
