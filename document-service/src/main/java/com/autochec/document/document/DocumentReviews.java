package com.autochec.document.document;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Admin validation and rejection; each change is written together with its outbox entry. */
@Service
class DocumentReviews {

    private final DocumentStore store;
    private final Clock clock;
    private final DocumentStateOutbox outbox;

    DocumentReviews(DocumentStore store, Clock clock, DocumentStateOutbox outbox) {
        this.store = store;
        this.clock = clock;
        this.outbox = outbox;
    }

    DocumentResponse decide(Caller caller, String id, ReviewDecision decision, String reason) {
        VehicleDocument current = store.findById(id)
                .orElseThrow(() -> ApiProblem.notFound("No document " + id + "."));
        if (!decision.allowedFrom(current.status())) {
            throw ApiProblem.conflict("The document is already " + current.status() + ".");
        }
        Instant now = clock.instant();
        long next = current.version() + 1;
        var review = new VehicleDocument.Review(caller.subject(), now, reason);
        var entry = new VehicleDocument.Outbox(UUID.randomUUID().toString(), next, now, false);
        if (!store.applyReview(id, current.version(), decision.target(), review, entry, now)) {
            throw ApiProblem.conflict("The document was changed meanwhile; retry.");
        }
        outbox.kick();
        return store.findById(id).map(DocumentResponse::of).orElseThrow();
    }
}
