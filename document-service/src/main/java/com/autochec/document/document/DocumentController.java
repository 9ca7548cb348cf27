package com.autochec.document.document;

import com.autochec.platform.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
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

    @GetMapping
    List<DocumentResponse> list(
            @RequestParam(required = false) String vin,
            @RequestParam(required = false) String plate,
            Caller caller) {
        return queries.list(caller, vin, plate);
    }

    @GetMapping("/{id}")
    DocumentResponse get(@PathVariable String id, Caller caller) {
        return queries.get(caller, id);
    }

    @PostMapping("/{id}/validate")
    DocumentResponse validate(
            @PathVariable String id, @Valid @RequestBody(required = false) ReviewRequest body, Caller caller) {
        return reviews.decide(caller, id, ReviewDecision.VALIDATE, body == null ? null : body.reason());
    }

    @PostMapping("/{id}/reject")
    DocumentResponse reject(
            @PathVariable String id, @Valid @RequestBody(required = false) ReviewRequest body, Caller caller) {
        return reviews.decide(caller, id, ReviewDecision.REJECT, body == null ? null : body.reason());
    }

    /** Optional body of validate/reject: {@code {"reason": "..."}}. */
    record ReviewRequest(@Size(max = 500) String reason) {}
}
