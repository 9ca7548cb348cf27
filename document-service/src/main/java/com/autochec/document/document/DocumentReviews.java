package com.autochec.document.document;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import com.autochec.document.audit.DocumentAudit;
import com.autochec.document.notification.Notification;
import com.autochec.document.notification.Notifications;
import com.autochec.document.ownership.VehicleOwner;
import com.autochec.document.ownership.VehicleOwners;
import com.autochec.platform.outbox.AuditOutbox;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import com.autochec.platform.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Admin validation and rejection; each change is written together with its outbox entry. Validity comes only
 * from what the admin confirms: validating needs the confirmed dates (the reading's proposal, confirmed or
 * corrected), so a document is never valid on dates nobody confirmed. Rejecting needs a reason, which the uploader
 * sees on the document and in a notification.
 */
@Service
class DocumentReviews {

    /** Longest validity accepted for a confirmed document (insurance: a year; CT: two years; with margin). */
    static final int MAX_VALIDITY_YEARS = 3;

    private final DocumentStore store;
    private final Clock clock;
    private final DocumentStateOutbox outbox;
    private final DocumentAudit audit;
    private final Notifications notifications;
    private final VehicleOwners owners;
    private final ApplicationEventPublisher events;

    DocumentReviews(DocumentStore store, Clock clock, DocumentStateOutbox outbox, DocumentAudit audit,
            Notifications notifications, VehicleOwners owners, ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.outbox = outbox;
        this.audit = audit;
        this.notifications = notifications;
        this.owners = owners;
        this.events = events;
    }

    /** The admin's confirmed fields; {@code result} takes the English codes or the French words. */
    record Validation(LocalDate validFrom, LocalDate validUntil, String result, String reference, String issuer,
            String reason) {}

    DocumentResponse validate(Caller caller, String id, Validation body) {
        VehicleDocument current = find(id);
        requireAllowed(current, ReviewDecision.VALIDATE);
        DocumentStore.Confirmed confirmed = confirmed(current.type(), body == null ? new Validation(null, null, null, null, null, null) : body);
        return apply(caller, current, ReviewDecision.VALIDATE, confirmed, body == null ? null : body.reason());
    }

    DocumentResponse reject(Caller caller, String id, String reason) {
        if (reason == null || reason.isBlank()) throw ApiProblem.validation("reason", "is required to reject a document");
        VehicleDocument current = find(id);
        requireAllowed(current, ReviewDecision.REJECT);
        return apply(caller, current, ReviewDecision.REJECT, null, reason.strip());
    }

    private VehicleDocument find(String id) {
        return store.findById(id).orElseThrow(() -> ApiProblem.notFound("No document " + id + "."));
    }

    private static void requireAllowed(VehicleDocument current, ReviewDecision decision) {
        if (!decision.allowedFrom(current.status())) {
            throw ApiProblem.conflict("The document is already " + current.status() + ".");
        }
    }

    /** Checks the confirmed fields for the document's type (every problem at once, as field errors). */
    static DocumentStore.Confirmed confirmed(DocumentType type, Validation v) {
        List<FieldError> errors = new ArrayList<>();
        String result = null;
        switch (type) {
            case INSURANCE, ROAD_TAX -> {
                if (v.validFrom() == null) errors.add(new FieldError("validFrom", "is required: confirm the start of validity"));
                if (v.validUntil() == null) errors.add(new FieldError("validUntil", "is required: confirm the end of validity"));
                if (v.result() != null && !v.result().isBlank()) errors.add(new FieldError("result", "only applies to INSPECTION"));
            }
            case INSPECTION -> {
                if (v.validFrom() == null) errors.add(new FieldError("validFrom", "is required: the date of the inspection"));
                if (v.validUntil() == null) {
                    errors.add(new FieldError("validUntil", "is required: the next due date (or the counter-visit deadline)"));
                }
                result = InspectionResult.normalise(v.result());
                if (result == null) {
                    errors.add(new FieldError("result", "must be FAVOURABLE, UNFAVOURABLE or COUNTER_VISIT "
                            + "(favorable, défavorable, contre-visite)"));
                }
                if (InspectionResult.COUNTER_VISIT.equals(result) && v.validFrom() != null && v.validUntil() != null
                        && v.validUntil().isAfter(v.validFrom().plusMonths(2))) {
                    errors.add(new FieldError("validUntil", "a counter-visit is due within 2 months of the inspection"));
                }
            }
            case REGISTRATION -> {
                if (v.validUntil() != null) errors.add(new FieldError("validUntil", "a registration certificate has no end of validity"));
                if (v.result() != null && !v.result().isBlank()) errors.add(new FieldError("result", "only applies to INSPECTION"));
            }
        }
        if (v.validFrom() != null && v.validUntil() != null) {
            if (v.validFrom().isAfter(v.validUntil())) errors.add(new FieldError("validUntil", "is before validFrom"));
            else if (v.validUntil().isAfter(v.validFrom().plusYears(MAX_VALIDITY_YEARS))) {
                errors.add(new FieldError("validUntil", "is more than " + MAX_VALIDITY_YEARS + " years after validFrom"));
            }
        }
        if (v.reference() != null && v.reference().length() > 100) errors.add(new FieldError("reference", "is longer than 100 characters"));
        if (v.issuer() != null && v.issuer().length() > 100) errors.add(new FieldError("issuer", "is longer than 100 characters"));
        if (!errors.isEmpty()) throw ApiProblem.validation(errors);
        return new DocumentStore.Confirmed(v.validFrom(), v.validUntil(), result, blankToNull(v.reference()),
                blankToNull(v.issuer()));
    }

    private DocumentResponse apply(Caller caller, VehicleDocument current, ReviewDecision decision,
            DocumentStore.Confirmed confirmed, String reason) {
        Instant now = clock.instant();
        long next = current.version() + 1;
        var review = new VehicleDocument.Review(caller.subject(), now, reason);
        var entry = new VehicleDocument.Outbox(UUID.randomUUID().toString(), next, now, false);
        VehicleOwner vehicle = current.vin() == null ? null : owners.byVin(current.vin()).orElse(null);
        // the decision and its audit event are one write: acknowledged means audited (docs/audit.md)
        var decided = audit.decided(caller, new DocumentAudit.Subject(current.id(), current.plate(),
                        vehicle == null ? null : vehicle.vehicleId(), vehicle == null ? null : vehicle.ownerAccountId()),
                decision.target().name(), facts(current), facts(current, decision.target(), confirmed), reason);
        if (!store.applyReview(current.id(), current.version(), decision.target(), confirmed, review, entry,
                AuditOutbox.then(current.audit(), List.of(decided)), now)) {
            throw ApiProblem.conflict("The document was changed meanwhile; retry.");
        }
        outbox.kick();
        audit.changeWritten();
        VehicleDocument after = store.findById(current.id()).orElseThrow();
        notifyUploader(after, decision, reason);
        events.publishEvent(new DocumentChanged(after.id()));
        return DocumentResponse.of(after);
    }

    private void notifyUploader(VehicleDocument d, ReviewDecision decision, String reason) {
        if (d.source() != VehicleDocument.Source.UPLOAD || d.uploadedBy() == null) return;
        String plate = d.plate() == null ? d.vin() : d.plate();
        boolean ok = decision == ReviewDecision.VALIDATE;
        String titleFr = ok ? "Document validé (" + plate + ")" : "Document refusé (" + plate + ")";
        String titleEn = ok ? "Document validated (" + plate + ")" : "Document rejected (" + plate + ")";
        String bodyFr = ok
                ? "Votre document a été validé" + (d.validUntil() == null ? "." : " ; il est valable jusqu'au " + d.validUntil() + ".")
                : "Votre document a été refusé : " + reason;
        String bodyEn = ok
                ? "Your document was validated" + (d.validUntil() == null ? "." : "; it is valid until " + d.validUntil() + ".")
                : "Your document was rejected: " + reason;
        notifications.deliver(new Notification("decision_" + d.id() + "_" + d.version(), d.uploadedBy(),
                Notification.DOCUMENT_DECIDED, d.id(), d.plate(), titleFr, bodyFr, titleEn, bodyEn, clock.instant(), null));
    }

    private static Map<String, Object> facts(VehicleDocument d) {
        return facts(d.status(), d.validFrom(), d.validUntil(), d.result(), d.reference());
    }

    /** The facts once the review is applied (as {@link DocumentStore#applyReview} writes them). */
    static Map<String, Object> facts(VehicleDocument d, DocumentStatus status, DocumentStore.Confirmed confirmed) {
        if (confirmed == null) {
            return facts(status, d.validFrom(), d.validUntil(), d.result(), d.reference());
        }
        return facts(status, confirmed.validFrom(), confirmed.validUntil(), confirmed.result(),
                confirmed.reference() != null ? confirmed.reference() : d.reference());
    }

    private static Map<String, Object> facts(DocumentStatus status, LocalDate validFrom, LocalDate validUntil,
            String result, String reference) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status == null ? null : status.name());
        m.put("validFrom", validFrom == null ? null : validFrom.toString());
        m.put("validUntil", validUntil == null ? null : validUntil.toString());
        m.put("result", result);
        m.put("reference", reference);
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static DocumentStatus target(ReviewDecision d) {
        return d.target();
    }
}
