package com.autochec.auth.users;

import com.autochec.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/accounts/users}: admins list accounts by role (paginated), disable, enable and reset an
 * account's credentials. Keycloak is the store; these are its admin API behind auth-service's rules.
 */
@RestController
@RequestMapping("/api/accounts/users")
@PreAuthorize("hasRole('admin')")
@Validated
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    record ResetCredentials(@NotBlank @Size(min = 8, max = 128) String temporaryPassword) {}

    @GetMapping
    Accounts.AccountPage list(
            @RequestParam @Pattern(regexp = "admin|agent|owner", message = "must be one of admin, agent, owner")
                    String role,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return accounts.list(role, page, size);
    }

    @PostMapping("/{username}/disable")
    Accounts.AccountView disable(@PathVariable String username, Caller caller) {
        return accounts.setEnabled(username, false, caller);
    }

    @PostMapping("/{username}/enable")
    Accounts.AccountView enable(@PathVariable String username, Caller caller) {
        return accounts.setEnabled(username, true, caller);
    }

    @PostMapping("/{username}/reset-credentials")
    Accounts.AccountView resetCredentials(
            @PathVariable String username, @Valid @RequestBody ResetCredentials request, Caller caller) {
        return accounts.resetCredentials(username, request.temporaryPassword(), caller);
    }
}
