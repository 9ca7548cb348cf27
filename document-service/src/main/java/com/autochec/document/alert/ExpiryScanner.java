package com.autochec.document.alert;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import com.autochec.document.document.DocumentChanged;
import com.autochec.document.document.DocumentStore;
import com.autochec.document.document.VehicleDocument;
import com.autochec.document.notification.Notification;
import com.autochec.document.notification.Notifications;
import com.autochec.document.ownership.OwnershipChanged;
import com.autochec.document.ownership.VehicleOwner;
import com.autochec.document.ownership.VehicleOwners;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The expiry scan: validated insurance and CT documents (and the annual tax of company vehicles) whose confirmed
 * end of validity is 30, 7 or 1 days away or today get one alert per (document, threshold) — the threshold
 * reached, the smallest of 30/7/1/0 at or above the days left — for the vehicle's owner account, delivered in-app
 * and by e-mail as the owner chose. Runs daily ({@code autochec.document.alerts.cron}), at start, and after every
 * document or ownership change (that document or vehicle only). Exactly once across restarts and instances: the
 * alert is inserted against a unique index and only the inserting scan delivers it; a document superseded by a
 * newer validated one of the same type is not alerted.
 */
@Component
public class ExpiryScanner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ExpiryScanner.class);
    static final int[] THRESHOLDS = {0, 1, 7, 30};
    static final List<DocumentType> ALERTED = List.of(DocumentType.INSURANCE, DocumentType.INSPECTION, DocumentType.ROAD_TAX);
    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DocumentStore documents;
    private final VehicleOwners owners;
    private final ExpiryAlerts alerts;
    private final Notifications notifications;
    private final ExpiryAlertOutbox outbox;
    private final Clock clock;
    private final ZoneId zone;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "expiry-scan");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean fullScanQueued = new AtomicBoolean();

    ExpiryScanner(DocumentStore documents, VehicleOwners owners, ExpiryAlerts alerts, Notifications notifications,
            ExpiryAlertOutbox outbox, Clock clock, @Value("${autochec.document.alerts.zone:Europe/Paris}") String zone) {
        this.documents = documents;
        this.owners = owners;
        this.alerts = alerts;
        this.notifications = notifications;
        this.outbox = outbox;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    @Scheduled(cron = "${autochec.document.alerts.cron:0 15 6 * * *}", zone = "${autochec.document.alerts.zone:Europe/Paris}")
    void daily() {
        requestFullScan();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        requestFullScan();
    }

    @EventListener
    void on(DocumentChanged changed) {
        if (changed.documentId() == null) {
            requestFullScan();
        } else {
            submit(() -> documents.findById(changed.documentId()).ifPresent(d -> consider(d, today())));
        }
    }

    @EventListener
    void on(OwnershipChanged changed) {
        submit(() -> scanVin(changed.vin()));
    }

    /** Queues one full scan (several requests while one waits make one scan). */
    public void requestFullScan() {
        if (fullScanQueued.compareAndSet(false, true)) {
            submit(() -> {
                fullScanQueued.set(false);
                scan();
            });
        }
    }

    private void submit(Runnable task) {
        executor.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Expiry scan failed (the next one retries): {}", e.toString());
            }
        });
    }

    /** Scans every document ending within 30 days, then delivers alerts a crash left undelivered; returns alerts created. */
    public int scan() {
        LocalDate today = today();
        int created = 0;
        for (VehicleDocument d : documents.validatedEndingBetween(today, today.plusDays(THRESHOLDS[THRESHOLDS.length - 1]))) {
            if (consider(d, today)) created++;
        }
        for (ExpiryAlert stale : alerts.undelivered(clock.instant().minus(Duration.ofMinutes(1)), 500)) deliver(stale);
        if (created > 0) log.info("Expiry scan for {}: {} new alert(s)", today, created);
        return created;
    }

    void scanVin(String vin) {
        LocalDate today = today();
        for (VehicleDocument d : documents.byVin(vin)) consider(d, today);
    }

    /** The threshold a document with {@code daysLeft} days of validity has reached, if any. */
    static Optional<Integer> threshold(long daysLeft) {
        if (daysLeft < 0) return Optional.empty();
        for (int t : THRESHOLDS) {
            if (daysLeft <= t) return Optional.of(t);
        }
        return Optional.empty();
    }

    /** Creates (once) and delivers the alert the document is due for; true when this call created it. */
    boolean consider(VehicleDocument d, LocalDate today) {
        if (d.status() != DocumentStatus.VALIDATED || d.validUntil() == null || !ALERTED.contains(d.type())) return false;
        Optional<Integer> threshold = threshold(ChronoUnit.DAYS.between(today, d.validUntil()));
        if (threshold.isEmpty()) return false;
        Optional<VehicleOwner> owner = owners.byVin(d.vin());
        if (owner.isEmpty() || owner.get().ownerAccountId() == null) return false;
        // France has no annual road tax for private cars: only company vehicles are alerted for it.
        if (d.type() == DocumentType.ROAD_TAX && !owner.get().company()) return false;
        if (superseded(d)) return false;
        var alert = new ExpiryAlert(ExpiryAlert.idOf(d.id(), threshold.get()), d.id(), threshold.get(),
                owner.get().ownerAccountId(), d.vin(), d.plate() != null ? d.plate() : owner.get().plate(),
                d.type().name(), d.validUntil(), clock.instant(), false, owner.get().ownerKind(),
                owner.get().company() ? owner.get().ownerName() : null, false);
        if (!alerts.insertIfAbsent(alert)) return false;
        outbox.written();
        deliver(alert);
        return true;
    }

    /** A newer validated document of the same type for the vehicle ends later: the owner has renewed. */
    private boolean superseded(VehicleDocument d) {
        return documents.byVin(d.vin()).stream().anyMatch(o -> !o.id().equals(d.id()) && o.type() == d.type()
                && o.status() == DocumentStatus.VALIDATED && o.validUntil() != null && o.validUntil().isAfter(d.validUntil()));
    }

    private void deliver(ExpiryAlert alert) {
        notifications.deliver(notification(alert, today()));
        alerts.markDelivered(alert.id());
    }

    static Notification notification(ExpiryAlert a, LocalDate today) {
        long days = Math.max(0, ChronoUnit.DAYS.between(today, a.validUntil()));
        String plate = a.plate() == null ? "" : a.plate();
        String until = a.validUntil().format(FR);
        String[] fr = switch (a.type()) {
            case "INSURANCE" -> new String[] {"Votre assurance", "L'assurance", "renouvelez-la"};
            case "INSPECTION" -> new String[] {"Votre contrôle technique", "Le contrôle technique", "prenez rendez-vous"};
            default -> new String[] {"Votre taxe annuelle", "La taxe annuelle du véhicule de société", "réglez-la"};
        };
        String[] en = switch (a.type()) {
            case "INSURANCE" -> new String[] {"Your insurance", "The insurance", "renew it"};
            case "INSPECTION" -> new String[] {"Your technical inspection (CT)", "The technical inspection (CT)", "book a visit"};
            default -> new String[] {"Your annual tax", "The company vehicle's annual tax", "pay it"};
        };
        String whenFr = days == 0 ? "expire aujourd'hui" : "expire dans " + days + (days == 1 ? " jour" : " jours");
        String whenEn = days == 0 ? "expires today" : "expires in " + days + (days == 1 ? " day" : " days");
        String titleFr = fr[0] + " " + whenFr + " (" + plate + ")";
        String titleEn = en[0] + " " + whenEn + " (" + plate + ")";
        String bodyFr = fr[1] + " du véhicule " + plate + " est valable jusqu'au " + until + " : " + fr[2]
                + ", puis déposez le nouveau justificatif dans Autochec.";
        String bodyEn = en[1] + " of vehicle " + plate + " is valid until " + a.validUntil() + ": " + en[2]
                + ", then upload the new certificate to Autochec.";
        return new Notification(a.id(), a.accountId(), Notification.EXPIRY_ALERT, a.documentId(), plate, titleFr, bodyFr,
                titleEn, bodyEn, a.createdAt(), null);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
