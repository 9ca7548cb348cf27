package com.autochec.vehicle.registry;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The holder in a vehicle request; {@code ownerId} is generated when absent. */
public record OwnerRequest(
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "may only contain letters, digits and . _ : -")
                String ownerId,
        @NotBlank @Pattern(regexp = "PERSON|COMPANY", message = "must be PERSON or COMPANY") String kind,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String street,
        @Size(max = 16) String postalCode,
        @Size(max = 100) String town,
        @Email @Size(max = 254) String email,
        @Size(max = 64) String accountId) {

    public Owner toOwner(String fallbackOwnerId) {
        return new Owner(
                blankToNull(ownerId) == null ? fallbackOwnerId : ownerId.strip(),
                OwnerKind.valueOf(kind.strip()),
                name.strip(),
                blankToNull(street),
                blankToNull(postalCode),
                blankToNull(town),
                blankToNull(email),
                blankToNull(accountId));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
