package com.autochec.document.document;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import com.autochec.platform.outbox.AuditOutbox;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One vehicle document as stored in {@code documents}. The pending {@link Outbox} entry is written in
 * the same document as the change it announces, so a crash before publication only delays the event; so are the
 * audit events of an upload or a decision ({@code audit}, see {@link AuditOutbox}): no change without its record.
 */
@Document(VehicleDocument.COLLECTION)
public record VehicleDocument(
        @Id String id,
        String vin,
        String plate,
        DocumentType type,
        DocumentStatus status,
        String issuer,
        String reference,
        LocalDate validFrom,
        LocalDate validUntil,
        String result,
        Source source,
        String uploadedBy,
        StoredImage image,
        Extraction extraction,
        List<String> readEventIds,
        Review review,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Outbox outbox,
        String purpose,
        String purposeText,
        AuditOutbox audit) {

    public static final String COLLECTION = "documents";

    @PersistenceCreator
    public VehicleDocument {
        audit = audit == null ? AuditOutbox.NONE : audit;
    }

    /** A document whose write records no audit event (imports, tests). */
    public VehicleDocument(String id, String vin, String plate, DocumentType type, DocumentStatus status, String issuer,
            String reference, LocalDate validFrom, LocalDate validUntil, String result, Source source, String uploadedBy,
            StoredImage image, Extraction extraction, List<String> readEventIds, Review review, long version,
            Instant createdAt, Instant updatedAt, Outbox outbox, String purpose, String purposeText) {
        this(id, vin, plate, type, status, issuer, reference, validFrom, validUntil, result, source, uploadedBy, image,
                extraction, readEventIds, review, version, createdAt, updatedAt, outbox, purpose, purposeText,
                AuditOutbox.NONE);
    }

    /** Where a document came from. */
    public enum Source {
        IMPORT,
        UPLOAD
    }

    /** The event announcing {@code version}; {@code published} turns true once Kafka acknowledged it. */
    public record Outbox(String eventId, long version, Instant occurredAt, boolean published) {}

    /**
     * The uploaded file's metadata; its bytes are in the object store under {@code key} (never in
     * MongoDB). {@code sentToOcr} turns true once the image is on the image topic.
     */
    public record StoredImage(
            String key, String contentType, long size, String sha256, Instant createdAt, boolean sentToOcr) {}

    /** What OCR read from the image, with the fields that disagree with the document's own data. */
    public record Extraction(
            String eventId,
            boolean success,
            String failureReason,
            String engine,
            Instant readAt,
            List<ExtractedField> fields,
            List<String> mismatches) {}

    /** One field read by OCR. */
    public record ExtractedField(String name, String value, double confidence, boolean valid) {}

    /** The admin's last decision. */
    public record Review(String by, Instant at, String reason) {}

    /** Cross-check flags of the latest reading (empty when unread or consistent). */
    public List<String> flags() {
        return extraction == null || extraction.mismatches() == null ? List.of() : extraction.mismatches();
    }

    /**
     * Whether validFrom/validUntil/result are confirmed facts. An upload's are only ever written by an admin's
     * validation (never from a reading), so their presence is the confirmation; an import's come from an
     * authoritative source and count once the row is not PENDING (a pending row awaits review).
     */
    public boolean datesConfirmed() {
        if (validFrom == null && validUntil == null) return false;
        return source == Source.UPLOAD || status != DocumentStatus.PENDING;
    }

    /** When the dates were confirmed: the validation for uploads, the last import write otherwise. */
    public Instant confirmedAt() {
        if (!datesConfirmed()) return null;
        if (source == Source.UPLOAD) return review == null ? null : review.at();
        return updatedAt;
    }

    /** The data an import compares to decide whether a row changes anything. */
    public DocumentContent content() {
        return new DocumentContent(vin, plate, type, status, issuer, reference, validFrom, validUntil, result);
    }
}
