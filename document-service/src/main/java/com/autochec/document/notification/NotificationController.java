package com.autochec.document.notification;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own notifications and channel preferences (any signed-in account; each sees only its own). */
@RestController
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    record NotificationResponse(String id, String kind, String documentId, String plate, String titleFr, String bodyFr,
            String titleEn, String bodyEn, Instant createdAt, Instant readAt, boolean read) {

        static NotificationResponse of(Notification n) {
            return new NotificationResponse(n.id(), n.kind(), n.documentId(), n.plate(), n.titleFr(), n.bodyFr(),
                    n.titleEn(), n.bodyEn(), n.createdAt(), n.readAt(), n.readAt() != null);
        }
    }

    record NotificationPage(List<NotificationResponse> items, int page, int size, boolean hasNext) {}

    @GetMapping("/api/me/notifications")
    NotificationPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            Caller caller) {
        String account = account(caller);
        if (page < 0) throw ApiProblem.validation("page", "must be 0 or more");
        if (size < 1 || size > Notifications.MAX_PAGE) throw ApiProblem.validation("size", "must be between 1 and 100");
        List<Notification> found = notifications.list(account, page, size);
        boolean hasNext = found.size() > size;
        return new NotificationPage(found.stream().limit(size).map(NotificationResponse::of).toList(), page, size, hasNext);
    }

    @PostMapping("/api/me/notifications/{id}/read")
    NotificationResponse read(@PathVariable String id, Caller caller) {
        return NotificationResponse.of(notifications.markRead(account(caller), id));
    }

    record PreferencesResponse(boolean inApp, boolean email, String emailAddress) {
        static PreferencesResponse of(NotificationPreferences p) {
            return new PreferencesResponse(p.inApp(), p.email(), p.emailAddress());
        }
    }

    record PreferencesRequest(@NotNull Boolean inApp, @NotNull Boolean email) {}

    @GetMapping("/api/me/notification-preferences")
    PreferencesResponse preferences(Caller caller) {
        return PreferencesResponse.of(notifications.preferences(account(caller)));
    }

    /**
     * Saves the channels; the e-mail address is the token's {@code email} claim (a verified address of the
     * Keycloak account), stored with the preferences. Asking for e-mail without an address on the account is a 422.
     */
    @PutMapping("/api/me/notification-preferences")
    PreferencesResponse save(@Valid @RequestBody PreferencesRequest body, @AuthenticationPrincipal Jwt jwt, Caller caller) {
        String account = account(caller);
        String address = jwt == null ? null : jwt.getClaimAsString("email");
        if (address != null && address.isBlank()) address = null;
        if (body.email() && address == null) {
            throw ApiProblem.unprocessable("Your account has no e-mail address: add one to your account first.");
        }
        return PreferencesResponse.of(notifications.savePreferences(account, body.inApp(), body.email(), address));
    }

    private static String account(Caller caller) {
        if (caller.subject() == null) throw ApiProblem.forbidden("Sign in to see your notifications.");
        return caller.subject();
    }
}
