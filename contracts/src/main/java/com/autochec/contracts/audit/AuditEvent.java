package com.autochec.contracts.audit;

import java.time.Instant;
import java.util.Map;

/**
 * Something the audit trail must record, other than a check (checks arrive as
 * {@link com.autochec.contracts.check.CheckCompleted}): a view of person data, a change with its before/after,
 * an approval or rejection, a document decision, a stolen report, an admin action, a report shared or opened.
 * Each producing service publishes on its own audit topic ({@link com.autochec.contracts.Topics#AUDIT_TOPICS});
 * audit-service consumes them all, idempotently by {@code eventId}.
 *
 * <p>Carries no postal address or e-mail: {@code before}/{@code after} hold only the changed fields, and
 * person data appears as the data subject's account id ({@code subjectAccountId}) so the owner's "who
 * consulted my vehicle" can be answered without copying the person's data into the trail.
 *
 * @param eventId          unique id (UUID); redeliveries keep it
 * @param occurredAt       when it happened at the producer
 * @param action           stable code, see {@link AuditAction}
 * @param actor            who did it (null subject for anonymous callers)
 * @param purpose          {@link com.autochec.contracts.privacy.Purpose} code when one was stated, else null
 * @param purposeText      free text of {@code OTHER}, else null
 * @param plate            the vehicle's plate when the event concerns one, else null
 * @param vehicleId        the vehicle's id when known, else null
 * @param subjectAccountId the Keycloak subject whose person data was viewed or changed (the owner), else null
 * @param personData       true when person data (holder's name, address, contact) was shown or changed
 * @param resourceType     what was acted on: VEHICLE, OWNER, DOCUMENT, PROPOSAL, CLAIM, ACCOUNT, ORGANISATION, REPORT
 * @param resourceId       its id
 * @param outcome          short outcome code where it applies (APPROVED, REJECTED, VALIDATED, PENDING...), else null
 * @param before           changed fields before (null or empty when not a change)
 * @param after            changed fields after (null or empty when not a change)
 * @param detail           a short human note (e.g. rejection reason), else null
 */
public record AuditEvent(
        String eventId,
        Instant occurredAt,
        String action,
        Actor actor,
        String purpose,
        String purposeText,
        String plate,
        String vehicleId,
        String subjectAccountId,
        boolean personData,
        String resourceType,
        String resourceId,
        String outcome,
        Map<String, Object> before,
        Map<String, Object> after,
        String detail) {

    /**
     * Who acted: JWT subject, username, role (public, agent, owner, admin, system), organisation and its kind
     * (e.g. POLICE, GENDARMERIE, CUSTOMS for law enforcement; GARAGE, INSURER, RENTAL...).
     */
    public record Actor(String subject, String username, String role, String organisation, String organisationKind) {

        public static final Actor SYSTEM = new Actor(null, "system", "system", null, null);
    }
}
