package com.autochec.document.document;

import com.autochec.contracts.Topics;
import com.autochec.contracts.document.DocumentStateChanged;
import com.autochec.platform.outbox.OutboxRelays;
import com.autochec.platform.outbox.OutboxSource;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The outbox of {@link Topics#DOCUMENT_STATE}: every document change is stored with its pending
 * {@link VehicleDocument.Outbox} entry, and the platform's relay publishes it and marks it published
 * (conditionally on its event id, so a newer change written meanwhile stays pending). Writers call
 * {@link #kick()} after a write so the event leaves at once; a sweep catches what a crash left.
 */
@Component
public class DocumentStateOutbox implements OutboxSource<VehicleDocument> {

    private final DocumentStore store;
    private final ObjectProvider<OutboxRelays> relays;

    DocumentStateOutbox(DocumentStore store, ObjectProvider<OutboxRelays> relays) {
        this.store = store;
        this.relays = relays;
    }

    /** Publishes the pending entries soon, off the caller's thread. */
    public void kick() {
        relays.getObject().kick(this);
    }

    @Override
    public String name() {
        return "document-state";
    }

    @Override
    public String topic() {
        return Topics.DOCUMENT_STATE;
    }

    @Override
    public List<VehicleDocument> pending(int limit) {
        return store.pendingOutbox(limit);
    }

    @Override
    public String key(VehicleDocument document) {
        return document.id();
    }

    @Override
    public Object event(VehicleDocument document) {
        return stateChanged(document);
    }

    @Override
    public void markPublished(List<VehicleDocument> acknowledged) {
        store.markPublished(acknowledged);
    }

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
                false,
                d.datesConfirmed(),
                d.confirmedAt(),
                d.source() == null ? null : d.source().name(),
                d.flags());
    }
}
