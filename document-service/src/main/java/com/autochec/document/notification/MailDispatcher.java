package com.autochec.document.notification;

import com.autochec.document.config.DocumentProperties;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the queued e-mails over SMTP ({@code spring.mail.*}). Each message is claimed atomically (PENDING →
 * SENDING, find-and-modify) before it is sent, so two instances never send the same one; a failure puts it back
 * to PENDING with a back-off, and a SENDING claim older than {@link #STALE_CLAIM} (a crash mid-send) is retried.
 */
@Component
class MailDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    static final Duration STALE_CLAIM = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 10;

    private final MongoTemplate mongo;
    private final ObjectProvider<JavaMailSender> sender;
    private final DocumentProperties properties;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-dispatcher");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    MailDispatcher(MongoTemplate mongo, ObjectProvider<JavaMailSender> sender, DocumentProperties properties, Clock clock) {
        this.mongo = mongo;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends what is due soon, off the caller's thread. */
    void kick() {
        if (queued.compareAndSet(false, true)) {
            executor.execute(() -> {
                queued.set(false);
                sendDue();
            });
        }
    }

    @Scheduled(fixedDelayString = "${autochec.document.mail.sweep-interval:PT30S}", initialDelayString = "PT5S")
    void sweep() {
        kick();
    }

    /** Sends every due message; returns how many were sent. */
    int sendDue() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null || !properties.mail().enabled()) return 0;
        int sent = 0;
        try {
            MailMessage message;
            while ((message = claim()) != null) {
                if (send(mail, message)) sent++;
            }
        } catch (RuntimeException e) {
            log.warn("Mail sweep failed: {}", e.toString());
        }
        return sent;
    }

    static Query dueQuery(Instant now) {
        return Query.query(Criteria.where("status").is(MailMessage.Status.PENDING).and("nextAttemptAt").lte(now));
    }

    static Query staleQuery(Instant now) {
        return Query.query(Criteria.where("status").is(MailMessage.Status.SENDING).and("nextAttemptAt").lte(now));
    }

    private MailMessage claim() {
        Instant now = clock.instant();
        Update claim = new Update().set("status", MailMessage.Status.SENDING).set("nextAttemptAt", now.plus(STALE_CLAIM))
                .inc("attempts", 1);
        var options = FindAndModifyOptions.options().returnNew(true);
        MailMessage m = mongo.findAndModify(dueQuery(now), claim, options, MailMessage.class);
        if (m == null) m = mongo.findAndModify(staleQuery(now), claim, options, MailMessage.class);
        return m;
    }

    private boolean send(JavaMailSender mail, MailMessage message) {
        Query mine = Query.query(Criteria.where("_id").is(message.id()).and("status").is(MailMessage.Status.SENDING));
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(properties.mail().from(), "Autochec", StandardCharsets.UTF_8.name()));
            helper.setTo(message.to());
            helper.setSubject(message.subject());
            helper.setText(message.body(), false);
            mime.setHeader("Content-Language", "fr, en");
            mail.send(mime);
            mongo.updateFirst(mine, new Update().set("status", MailMessage.Status.SENT).set("sentAt", clock.instant()),
                    MailMessage.class);
            log.info("E-mail {} sent", message.id());
            return true;
        } catch (Exception e) {
            boolean give = message.attempts() >= MAX_ATTEMPTS;
            long backoff = Math.min(3600, 30L << Math.min(message.attempts(), 7));
            mongo.updateFirst(mine, new Update()
                            .set("status", give ? MailMessage.Status.FAILED : MailMessage.Status.PENDING)
                            .set("nextAttemptAt", clock.instant().plusSeconds(backoff))
                            .set("lastError", String.valueOf(e.getMessage())),
                    MailMessage.class);
            log.warn("E-mail {} not sent (attempt {}): {}", message.id(), message.attempts(), e.toString());
            return false;
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
