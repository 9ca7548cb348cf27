package com.autochec.document.document;

import com.autochec.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/documents")
class DocumentController {

    private final DocumentQueries queries;
    private final DocumentReviews reviews;

    DocumentController(DocumentQueries queries, DocumentReviews reviews) {
        this.queries = queries;
        this.reviews = reviews;
    }

    /**
     * The documents of a vehicle ({@code vin} or {@code plate}; an owner without them: all of theirs), or with
     * {@code status} the admin's review queue: a page, oldest first.
     */
    @GetMapping
    Object list(
            @RequestParam(required = false) String vin,
            @RequestParam(required = false) String plate,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String purposeText,
            Caller caller) {
        if (status != null && !status.isBlank()) return queries.byStatus(caller, status, page, size, purpose, purposeText);
        return queries.list(caller, vin, plate, StatedPurposes.of(caller, purpose, purposeText));
    }

    @GetMapping("/{id}")
    DocumentResponse get(@PathVariable String id, @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String purposeText, Caller caller) {
        return queries.get(caller, id, StatedPurposes.of(caller, purpose, purposeText));
    }

    /** Validates with the confirmed fields (dates, CT result); the document's validity is only ever these. */
    @PostMapping("/{id}/validate")
    DocumentResponse validate(
            @PathVariable String id, @Valid @RequestBody(required = false) ValidateRequest body, Caller caller) {
        return reviews.validate(caller, id, body == null ? null
                : new DocumentReviews.Validation(body.validFrom(), body.validUntil(), body.result(), body.reference(),
                        body.issuer(), body.reason()));
    }

    @PostMapping("/{id}/reject")
    DocumentResponse reject(
            @PathVariable String id, @Valid @RequestBody(required = false) ReviewRequest body, Caller caller) {
        return reviews.reject(caller, id, body == null ? null : body.reason());
    }

    /** Body of reject: {@code {"reason": "..."}} (required). */
    record ReviewRequest(@Size(max = 500) String reason) {}

    /**
     * Body of validate: the confirmed {@code validFrom}/{@code validUntil} (CT: inspection date and next due date),
     * {@code result} for a CT (FAVOURABLE, UNFAVOURABLE, COUNTER_VISIT or the French words), optionally the
     * corrected {@code reference} (policy or report number) and {@code issuer}, and a note.
     */
    record ValidateRequest(LocalDate validFrom, LocalDate validUntil, @Size(max = 40) String result,
            @Size(max = 100) String reference, @Size(max = 100) String issuer, @Size(max = 500) String reason) {}
}
