package com.autochec.auth.users;

import com.autochec.auth.audit.AuditTrail;
import com.autochec.auth.directory.UserDirectory;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * Admins' management of accounts in Keycloak: list by role, disable, enable, reset credentials. Every change
 * is an audited admin action (its intent recorded before Keycloak is called, its outcome after); Keycloak down (or its circuit open) is a 503 {@code unavailable} problem.
 */
@Service
public class Accounts {

    private final UserDirectory directory;
    private final AuditTrail audit;

    Accounts(UserDirectory directory, AuditTrail audit) {
        this.directory = directory;
        this.audit = audit;
    }

    /** An account as the API shows it (never a credential). */
    public record AccountView(
            String id, String username, String email, String firstName, String lastName, String organisation,
            boolean enabled) {

        static AccountView of(UserDirectory.DirectoryUser user) {
            return new AccountView(user.id(), user.username(), user.email(), user.firstName(), user.lastName(),
                    user.organisation(), user.enabled());
        }
    }

    /** One page; {@code hasMore} tells whether another follows (Keycloak gives no cheap count of a role). */
    public record AccountPage(String role, List<AccountView> items, int page, int size, boolean hasMore) {}

    AccountPage list(String role, int page, int size) {
        List<UserDirectory.DirectoryUser> found =
                unavailableAs503(() -> directory.listByRole(role, page * size, size + 1), "la liste n'est pas disponible");
        boolean hasMore = found.size() > size;
        List<AccountView> items = found.stream().limit(size).map(AccountView::of).toList();
        return new AccountPage(role, items, page, size, hasMore);
    }

    /** Disables or enables an account; disabling ends its sessions (its next token request fails). */
    public AccountView setEnabled(String username, boolean enabled, Caller caller) {
        String name = username.toLowerCase(Locale.ROOT);
        if (!enabled && name.equalsIgnoreCase(caller.username())) {
            throw ApiProblem.conflict("Un administrateur ne peut pas désactiver son propre compte.");
        }
        String what = enabled ? "le compte n'a pas été réactivé" : "le compte n'a pas été désactivé";
        UserDirectory.DirectoryUser user = unavailableAs503(() -> find(name), what);
        AuditTrail.Entry action = AuditTrail.Entry.adminAction(caller, "ACCOUNT", user.id(), enabled ? "ENABLED" : "DISABLED",
                Map.of("username", user.username(), "enabled", enabled));
        UserDirectory.DirectoryUser changed =
                unavailableAs503(() -> audit.audited(action, () -> directory.setEnabled(user.id(), enabled)), what);
        return AccountView.of(new UserDirectory.DirectoryUser(changed.id(), changed.username(), changed.email(),
                changed.firstName(), changed.lastName(), changed.organisation(), enabled));
    }

    /** Sets a temporary password (to change at the next log-in) and ends the account's sessions. */
    AccountView resetCredentials(String username, String temporaryPassword, Caller caller) {
        String name = username.toLowerCase(Locale.ROOT);
        String what = "le mot de passe n'a pas été réinitialisé";
        UserDirectory.DirectoryUser user = unavailableAs503(() -> find(name), what);
        AuditTrail.Entry action = AuditTrail.Entry.adminAction(caller, "ACCOUNT", user.id(), "CREDENTIALS_RESET",
                Map.of("username", user.username()));
        unavailableAs503(() -> audit.audited(action, () -> {
            directory.resetPassword(user.id(), temporaryPassword);
            return null;
        }), what);
        return AccountView.of(user);
    }

    private UserDirectory.DirectoryUser find(String username) {
        return directory.findByUsername(username)
                .orElseThrow(() -> ApiProblem.notFound("Aucun compte nommé « " + username + " »."));
    }

    private static <T> T unavailableAs503(Supplier<T> call, String consequence) {
        try {
            return call.get();
        } catch (UserDirectory.Unavailable e) {
            throw ApiProblem.unavailable("Le service d'identité (Keycloak) est indisponible : " + consequence
                    + ". Réessayez dans un instant.");
        } catch (UserDirectory.Rejected e) {
            throw ApiProblem.validation(e.field(), e.getMessage());
        }
    }
}
