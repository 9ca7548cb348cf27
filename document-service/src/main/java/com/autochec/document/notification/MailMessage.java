package com.autochec.document.notification;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An e-mail to send (the mail outbox): written with the notification, sent by {@link MailDispatcher}, which claims
 * it atomically (PENDING → SENDING) so that two instances never both send it. The id is the notification's.
 */
@Document(MailMessage.COLLECTION)
record MailMessage(@Id String id, String to, String subject, String body, Status status, int attempts,
        Instant nextAttemptAt, Instant createdAt, Instant sentAt, String lastError) {

    static final String COLLECTION = "mail_outbox";

    enum Status { PENDING, SENDING, SENT, FAILED }
}
