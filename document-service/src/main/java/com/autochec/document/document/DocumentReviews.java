package com.autochec.document.document;

import com.autochec.document.web.Caller;
import com.autochec.document.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Admin validation and rejection; each change is written together with its outbox entry. */
@Service
class DocumentReviews {

    private final DocumentStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DocumentReviews(DocumentStore store, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    DocumentResponse decide(Caller caller, String id, ReviewDecision decision, String reason) {
        VehicleDocument current = store.findById(id)
                .orElseThrow(() -> ProblemException.notFound("No document " + id + "."));
        if (!decision.allowedFrom(current.status())) {
            throw ProblemException.conflict("The document is already " + current.status() + ".");
        }
        Instant now = clock.instant();
        long next = current.version() + 1;
        var review = new VehicleDocument.Review(caller.subject(), now, reason);
        var outbox = new VehicleDocument.Outbox(UUID.randomUUID().toString(), next, now, false);
        if (!store.applyReview(id, current.version(), decision.target(), review, outbox, now)) {
            throw ProblemException.conflict("The document was changed meanwhile; retry.");
        }
        events.publishEvent(new DocumentsChanged(1));
        return store.findById(id).map(DocumentResponse::of).orElseThrow();
    }
}
