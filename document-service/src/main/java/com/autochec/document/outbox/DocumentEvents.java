package com.autochec.document.outbox;

import com.autochec.contracts.document.DocumentStateChanged;
import com.autochec.document.document.VehicleDocument;

/** Maps a stored document and its outbox entry to the event on the document state topic. */
final class DocumentEvents {

    private DocumentEvents() {}

    static DocumentStateChanged stateChanged(VehicleDocument d) {
        var outbox = d.outbox();
        return new DocumentStateChanged(
                outbox.eventId(),
                outbox.occurredAt(),
                d.id(),
                outbox.version(),
                d.vin(),
                d.plate(),
                d.type(),
                d.status(),
                d.issuer(),
                d.reference(),
                d.validFrom(),
                d.validUntil(),
                d.result(),
                false);
    }
}
