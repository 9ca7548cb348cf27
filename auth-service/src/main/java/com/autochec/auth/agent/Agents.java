package com.autochec.auth.agent;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.auth.organisation.OrganisationResponse;
import com.autochec.auth.organisation.Organisations;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** Creating and disabling agents: checks the organisation, then asks the directory. */
@Service
class Agents {

    private final AgentDirectory directory;
    private final Organisations organisations;

    Agents(AgentDirectory directory, Organisations organisations) {
        this.directory = directory;
        this.organisations = organisations;
    }

    AgentResponse create(AgentRequests.Create request) {
        OrganisationResponse organisation = organisations.find(request.organisationId())
                .orElseThrow(() -> ApiProblem.validation("organisationId", "no such organisation"));
        if (!organisation.active()) {
            throw ApiProblem.conflict("The organisation \"" + organisation.name() + "\" is disabled.");
        }
        String username = request.username().toLowerCase(Locale.ROOT);
        AgentDirectory.NewAgent agent = new AgentDirectory.NewAgent(
                username,
                request.email().strip(),
                request.firstName().strip(),
                request.lastName().strip(),
                organisation.name(),
                request.temporaryPassword());
        String id;
        try {
            id = directory.create(agent);
        } catch (AgentDirectory.AlreadyExists e) {
            throw ApiProblem.conflict(e.getMessage());
        } catch (AgentDirectory.Rejected e) {
            throw ApiProblem.validation("temporaryPassword", e.getMessage());
        } catch (AgentDirectory.Unavailable e) {
            throw ApiProblem.unavailable("The identity provider is unavailable; the agent was not created.");
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

    AgentDirectory.DirectoryAgent disable(String username) {
        try {
            return directory.disable(username.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> ApiProblem.notFound("No agent named \"" + username + "\"."));
        } catch (AgentDirectory.Unavailable e) {
            throw ApiProblem.unavailable("The identity provider is unavailable; the agent was not disabled.");
        }
    }
}
