package com.autochec.auth.agent;

/** An agent account as the API shows it (never the password). */
record AgentResponse(
        String id,
        String username,
        String email,
        String firstName,
        String lastName,
        OrganisationRef organisation,
        boolean enabled) {

    record OrganisationRef(String id, String name) {}
}
