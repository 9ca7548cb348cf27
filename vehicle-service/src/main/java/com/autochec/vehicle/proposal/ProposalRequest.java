package com.autochec.vehicle.proposal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/proposals}: the vehicle (plate), the field, the proposed value, why, an optional supporting document. */
record ProposalRequest(
        @NotBlank @Size(max = 20) String plate,
        @NotBlank @Size(max = 40) String field,
        @Size(max = 200) String value,
        @NotBlank @Size(max = 1000) String justification,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "identifiant de document invalide") String documentId) {}
