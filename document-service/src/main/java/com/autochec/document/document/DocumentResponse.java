package com.autochec.document.document;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A document as the API shows it. */
public record DocumentResponse(
        String id,
        String vin,
        String plate,
        DocumentType type,
        DocumentStatus status,
        String issuer,
        String reference,
        LocalDate validFrom,
        LocalDate validUntil,
        String result,
        String source,
        String uploadedBy,
        FileInfo file,
        ExtractionInfo extraction,
        ReviewInfo review,
        long version,
        Instant createdAt,
        Instant updatedAt,
        boolean datesConfirmed,
        Proposal proposal,
        List<String> flags,
        String fileUrl,
        String purpose) {

    /** The former shape, for callers that do not carry the confirmation, proposal, flags and link. */
    public DocumentResponse(String id, String vin, String plate, DocumentType type, DocumentStatus status, String issuer,
            String reference, LocalDate validFrom, LocalDate validUntil, String result, String source, String uploadedBy,
            FileInfo file, ExtractionInfo extraction, ReviewInfo review, long version, Instant createdAt,
            Instant updatedAt) {
        this(id, vin, plate, type, status, issuer, reference, validFrom, validUntil, result, source, uploadedBy, file,
                extraction, review, version, createdAt, updatedAt, validFrom != null || validUntil != null, null,
                List.of(), null, null);
    }

    public record FileInfo(String contentType, long size, String sha256) {}

    public record ExtractionInfo(
            boolean success,
            String failureReason,
            String engine,
            Instant readAt,
            List<VehicleDocument.ExtractedField> fields,
            List<String> mismatches) {}

    /** The admin's last decision: VALIDATED or REJECTED, by whom, when and why (the uploader sees the reason). */
    public record ReviewInfo(String by, Instant at, String reason) {}

    public static DocumentResponse of(VehicleDocument d) {
        var image = d.image();
        var ex = d.extraction();
        var review = d.review();
        return new DocumentResponse(
                d.id(),
                d.vin(),
                d.plate(),
                d.type(),
                d.status(),
                d.issuer(),
                d.reference(),
                d.validFrom(),
                d.validUntil(),
                d.result(),
                d.source() == null ? null : d.source().name(),
                d.uploadedBy(),
                image == null ? null : new FileInfo(image.contentType(), image.size(), image.sha256()),
                ex == null
                        ? null
                        : new ExtractionInfo(
                                ex.success(), ex.failureReason(), ex.engine(), ex.readAt(), ex.fields(), ex.mismatches()),
                review == null ? null : new ReviewInfo(review.by(), review.at(), review.reason()),
                d.version(),
                d.createdAt(),
                d.updatedAt(),
                d.datesConfirmed(),
                ex == null ? null : Proposal.of(d.type(), ex.fields()),
                d.flags(),
                image == null ? null : "/api/documents/" + d.id() + "/file",
                d.purpose());
    }

    /**
     * The view for this caller: who uploaded the document and which admin decided (JWT subjects) are shown to
     * admins only; anyone else sees the uploader only when it is themselves.
     */
    public DocumentResponse forCaller(com.autochec.platform.security.Caller caller) {
        if (caller.isAdmin()) return this;
        String uploader = uploadedBy != null && uploadedBy.equals(caller.subject()) ? uploadedBy : null;
        ReviewInfo shownReview = review == null ? null : new ReviewInfo(null, review.at(), review.reason());
        return new DocumentResponse(id, vin, plate, type, status, issuer, reference, validFrom, validUntil, result, source,
                uploader, file, extraction, shownReview, version, createdAt, updatedAt, datesConfirmed, proposal, flags,
                fileUrl, purpose);
    }
}
