package com.autochec.auth.agent;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

final class AgentRequests {

    private AgentRequests() {}

    /** {@code POST /api/agents}. */
    record Create(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{2,59}",
                    message = "must be 3-60 letters, digits, '.', '_' or '-'") String username,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Size(max = 64) String organisationId,
            @NotBlank @Size(min = 8, max = 128) String temporaryPassword) {}
}
