package com.autochec.document.notification;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One in-app notification of an account, French first with its English text. The id is deterministic for
 * notifications that must exist once (an expiry alert's id), so that creating one twice changes nothing.
 */
@Document(Notification.COLLECTION)
public record Notification(
        @Id String id,
        String accountId,
        String kind,
        String documentId,
        String plate,
        String titleFr,
        String bodyFr,
        String titleEn,
        String bodyEn,
        Instant createdAt,
        Instant readAt) {

    public static final String COLLECTION = "notifications";

    /** An insurance, CT or company tax reaches a threshold before its end of validity. */
    public static final String EXPIRY_ALERT = "EXPIRY_ALERT";
    /** An admin validated or rejected a document the account uploaded. */
    public static final String DOCUMENT_DECIDED = "DOCUMENT_DECIDED";
}
