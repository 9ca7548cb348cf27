package com.autochec.auth.users;

import com.autochec.platform.security.Caller;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
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
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    record ResetCredentials(@NotBlank @Size(min = 8, max = 128) String temporaryPassword) {}

    @GetMapping
    Accounts.AccountPage list(
            @RequestParam(required = false) String role,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        List<FieldError> errors = new ArrayList<>();
        if (role == null || !role.matches("admin|agent|owner")) {
            errors.add(new FieldError("role", "doit être admin, agent ou owner"));
        }
        if (page < 0 || page > 10_000) {
            errors.add(new FieldError("page", "doit être entre 0 et 10000"));
        }
        if (size < 1 || size > 100) {
            errors.add(new FieldError("size", "doit être entre 1 et 100"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
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
