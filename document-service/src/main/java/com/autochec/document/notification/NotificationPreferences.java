package com.autochec.document.notification;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An account's channels: in-app and e-mail. The e-mail address is the one of the account's token ({@code email}
 * claim) when the owner last saved the preferences: events do not carry the owner's e-mail (privacy), and this
 * needs no call to Keycloak's admin API from document-service (docs/notifications.md).
 */
@Document(NotificationPreferences.COLLECTION)
public record NotificationPreferences(@Id String accountId, boolean inApp, boolean email, String emailAddress,
        Instant updatedAt) {

    public static final String COLLECTION = "notification_preferences";

    /** Before an owner chooses: in-app only (no address is known yet). */
    static NotificationPreferences defaults(String accountId) {
        return new NotificationPreferences(accountId, true, false, null, null);
    }
}
