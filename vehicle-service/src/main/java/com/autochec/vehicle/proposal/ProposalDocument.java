package com.autochec.vehicle.proposal;

import com.autochec.contracts.audit.AuditEvent;
import com.autochec.platform.outbox.AuditOutbox;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A proposed correction in the {@code proposals} collection: PENDING until an admin approves or rejects it.
 * Each write bumps {@code version} (conditional writes) and carries its audit events ({@link AuditOutbox}).
 * {@code currentValue} is the vehicle's value when the proposal was made (the queue shows the live one).
 */
@Document(ProposalDocument.COLLECTION)
record ProposalDocument(
        @Id String id,
        long version,
        String vehicleId,
        String plate,
        String field,
        String currentValue,
        String value,
        String justification,
        String documentId,
        String proposedBy,
        String proposerUsername,
        String proposerRole,
        String proposerOrganisation,
        String proposerOrganisationKind,
        String status,
        Instant createdAt,
        Instant decidedAt,
        String decidedBy,
        String reason,
        AuditOutbox audit) {

    static final String COLLECTION = "proposals";
    static final String PENDING = "PENDING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";

    ProposalDocument decided(String nextStatus, String admin, String why, Instant now, List<AuditEvent> audits) {
        return new ProposalDocument(id, version + 1, vehicleId, plate, field, currentValue, value, justification,
                documentId, proposedBy, proposerUsername, proposerRole, proposerOrganisation, proposerOrganisationKind,
                nextStatus, createdAt, now, admin, why, AuditOutbox.then(audit, audits));
    }
}
