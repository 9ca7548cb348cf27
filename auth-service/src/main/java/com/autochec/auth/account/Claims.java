package com.autochec.auth.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.autochec.auth.audit.AuditTrail;
import com.autochec.auth.registry.Registry;
import com.autochec.auth.registry.RegistryVehicle;
import com.autochec.contracts.audit.AuditAction;
import com.autochec.contracts.audit.AuditEvent;
import com.autochec.platform.outbox.AuditOutbox;
import com.autochec.platform.outbox.OutboxWritten;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Owners' claims of vehicles. A claim names the plate and proves possession with the VIN's last four
 * characters and the registration-certificate number; it is approved at once when all three match auth-service's
 * registry read model (and no other account holds the vehicle), otherwise it waits, PENDING, for an admin, who
 * approves or rejects it with a reason. An approval writes the link event in the claim itself; the relay
 * publishes it and vehicle-service sets the holder's account id. Filing and deciding are audited, their events
 * written in the claim in the same write as the change.
 */
@Service
class Claims {

    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt");

    /** Why a claim was not approved automatically (shown to admins only: owners learn nothing of the registry). */
    static final String PLATE_UNKNOWN = "PLATE_UNKNOWN";
    static final String VIN_MISMATCH = "VIN_MISMATCH";
    static final String CERTIFICATE_MISMATCH = "CERTIFICATE_MISMATCH";
    static final String HELD_BY_ANOTHER_ACCOUNT = "HELD_BY_ANOTHER_ACCOUNT";

    private final VehicleClaimRepository claims;
    private final MongoTemplate mongo;
    private final Registry registry;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Claims(VehicleClaimRepository claims, MongoTemplate mongo, Registry registry, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock) {
        this.claims = claims;
        this.mongo = mongo;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A claim as its owner sees it: what they typed and the outcome, nothing from the registry. */
    record ClaimView(
            String id, String plate, String vinLast4, ClaimStatus status, Instant createdAt, Instant decidedAt,
            String reason) {
        static ClaimView of(VehicleClaim claim) {
            return new ClaimView(claim.id(), claim.plate(), claim.vinLast4(), claim.status(), claim.createdAt(),
                    claim.decidedAt(), claim.reason());
        }
    }

    /** A claim as an admin sees it, with who filed it and why it was not approved automatically. */
    record AdminClaimView(
            String id, String accountId, String username, String plate, String vinLast4, String certificateNumber,
            ClaimStatus status, List<String> mismatches, String vehicleId, Instant createdAt, Instant decidedAt,
            String decidedBy, String reason) {
        static AdminClaimView of(VehicleClaim c) {
            return new AdminClaimView(c.id(), c.accountId(), c.username(), c.plate(), c.vinLast4(),
                    c.certificateNumber(), c.status(), c.mismatches(), c.vehicleId(), c.createdAt(), c.decidedAt(),
                    c.decidedBy(), c.reason());
        }
    }

    ClaimView claim(Caller caller, ClaimInput input) {
        if (claims.existsByAccountIdAndPlateAndStatus(caller.subject(), input.plate(), ClaimStatus.PENDING)) {
            throw ApiProblem.conflict("Vous avez déjà une demande en attente pour ce véhicule.");
        }
        Optional<RegistryVehicle> vehicle = registry.vehicleByPlate(input.plate());
        if (vehicle.isPresent() && caller.subject().equals(vehicle.get().accountId())) {
            throw ApiProblem.conflict("Ce véhicule est déjà lié à votre compte.");
        }
        List<String> mismatches = mismatches(vehicle, caller.subject(), input);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        boolean approved = mismatches.isEmpty();
        VehicleClaim claim = new VehicleClaim(
                UUID.randomUUID().toString(),
                caller.subject(),
                caller.username(),
                input.plate(),
                input.vinLast4(),
                input.certificateNumber(),
                approved ? ClaimStatus.APPROVED : ClaimStatus.PENDING,
                now,
                mismatches,
                approved ? vehicle.get().vehicleId() : null,
                approved ? vehicle.get().vin() : null,
                approved ? now : null,
                approved ? "system" : null,
                approved ? "Plaque, fin de VIN et numéro de certificat conformes au registre." : null,
                approved ? UUID.randomUUID().toString() : null,
                approved,
                1,
                AuditOutbox.NONE);
        // the claim, its link event and its audit events are one write: no claim without its record
        List<AuditEvent> audits = new ArrayList<>();
        audits.add(audit.event(claimEntry(AuditAction.CLAIM_FILED, caller, claim, claim.status().name(), null)));
        if (approved) {
            audits.add(audit.event(claimEntry(AuditAction.CLAIM_DECIDED, null, claim, "APPROVED", claim.reason())));
        }
        claims.insert(withAudit(claim, AuditOutbox.of(audits)));
        events.publishEvent(new OutboxWritten(ClaimAuditConfig.NAME));
        if (approved) {
            events.publishEvent(new OutboxWritten(ClaimLinkOutbox.NAME));
        }
        return ClaimView.of(claim);
    }

    private List<String> mismatches(Optional<RegistryVehicle> found, String accountId, ClaimInput input) {
        List<String> mismatches = new ArrayList<>();
        if (found.isEmpty()) {
            mismatches.add(PLATE_UNKNOWN);
            return mismatches;
        }
        RegistryVehicle vehicle = found.get();
        if (vehicle.vin() == null || !vehicle.vin().endsWith(input.vinLast4())) {
            mismatches.add(VIN_MISMATCH);
        }
        if (!registry.certificateMatches(vehicle.vin(), input.certificateNumber())) {
            mismatches.add(CERTIFICATE_MISMATCH);
        }
        if (vehicle.accountId() != null && !vehicle.accountId().equals(accountId)) {
            mismatches.add(HELD_BY_ANOTHER_ACCOUNT);
        }
        return mismatches;
    }

    /** Admins: claims with this status (default PENDING), newest first. Owners: their own (optionally filtered). */
    List<?> list(Caller caller, ClaimStatus status) {
        if (caller.isAdmin()) {
            return claims.findByStatus(status == null ? ClaimStatus.PENDING : status, NEWEST_FIRST).stream()
                    .map(AdminClaimView::of)
                    .toList();
        }
        return claims.findByAccountId(caller.subject(), NEWEST_FIRST).stream()
                .filter(c -> status == null || c.status() == status)
                .map(ClaimView::of)
                .toList();
    }

    /** One claim: its owner or an admin; anyone else gets 404 (a claim's existence is not disclosed). */
    Object get(Caller caller, String id) {
        VehicleClaim claim = claims.findById(id)
                .filter(c -> caller.isAdmin() || c.accountId().equals(caller.subject()))
                .orElseThrow(() -> ApiProblem.notFound("Aucune demande avec l'identifiant " + id + "."));
        return caller.isAdmin() ? AdminClaimView.of(claim) : ClaimView.of(claim);
    }

    AdminClaimView approve(Caller admin, String id, String reason) {
        VehicleClaim pending = pendingClaim(id);
        RegistryVehicle vehicle = registry.vehicleByPlate(pending.plate())
                .orElseThrow(() -> ApiProblem.conflict("Aucun véhicule immatriculé " + pending.plate()
                        + " dans le registre : la demande ne peut pas être approuvée."));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEvent decision = audit.event(new AuditTrail.Entry(AuditAction.CLAIM_DECIDED, admin, "CLAIM", id, "APPROVED",
                pending.plate(), vehicle.vehicleId(), pending.accountId(), Map.of(),
                Map.of("status", ClaimStatus.APPROVED.name()), reason));
        VehicleClaim decided = decide(pending, decision, new Update()
                .set("status", ClaimStatus.APPROVED)
                .set("vehicleId", vehicle.vehicleId())
                .set("vin", vehicle.vin())
                .set("decidedAt", now)
                .set("decidedBy", admin.username())
                .set("reason", reason)
                .set("linkEventId", UUID.randomUUID().toString())
                .set("linkPending", true));
        events.publishEvent(new OutboxWritten(ClaimLinkOutbox.NAME));
        return AdminClaimView.of(decided);
    }

    AdminClaimView reject(Caller admin, String id, String reason) {
        VehicleClaim pending = pendingClaim(id);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEvent decision = audit.event(new AuditTrail.Entry(AuditAction.CLAIM_DECIDED, admin, "CLAIM", id, "REJECTED",
                pending.plate(), pending.vehicleId(), pending.accountId(), Map.of(),
                Map.of("status", ClaimStatus.REJECTED.name()), reason));
        VehicleClaim decided = decide(pending, decision, new Update()
                .set("status", ClaimStatus.REJECTED)
                .set("decidedAt", now)
                .set("decidedBy", admin.username())
                .set("reason", reason));
        return AdminClaimView.of(decided);
    }

    private VehicleClaim pendingClaim(String id) {
        VehicleClaim claim = claims.findById(id)
                .orElseThrow(() -> ApiProblem.notFound("Aucune demande avec l'identifiant " + id + "."));
        if (claim.status() != ClaimStatus.PENDING) {
            throw ApiProblem.conflict("Cette demande a déjà été traitée (" + claim.status() + ").");
        }
        return claim;
    }

    /**
     * The decision, only while the claim is still PENDING (two admins deciding at once: one wins, one gets 409), in
     * one write with its audit event (after the events the claim still carries).
     */
    private VehicleClaim decide(VehicleClaim pending, AuditEvent decision, Update update) {
        update.set("audit", AuditOutbox.then(pending.audit(), List.of(decision))).inc("version", 1);
        VehicleClaim decided = mongo.findAndModify(
                Query.query(where("_id").is(pending.id()).and("status").is(ClaimStatus.PENDING)),
                update,
                FindAndModifyOptions.options().returnNew(true),
                VehicleClaim.class);
        if (decided == null) {
            throw ApiProblem.conflict("Cette demande a déjà été traitée.");
        }
        events.publishEvent(new OutboxWritten(ClaimAuditConfig.NAME));
        return decided;
    }

    private static VehicleClaim withAudit(VehicleClaim c, AuditOutbox audit) {
        return new VehicleClaim(c.id(), c.accountId(), c.username(), c.plate(), c.vinLast4(), c.certificateNumber(),
                c.status(), c.createdAt(), c.mismatches(), c.vehicleId(), c.vin(), c.decidedAt(), c.decidedBy(),
                c.reason(), c.linkEventId(), c.linkPending(), c.version(), audit);
    }

    private static AuditTrail.Entry claimEntry(String action, Caller actor, VehicleClaim claim, String outcome, String detail) {
        return new AuditTrail.Entry(action, actor, "CLAIM", claim.id(), outcome, claim.plate(), claim.vehicleId(),
                claim.accountId(), Map.of(), Map.of("status", claim.status().name()), detail);
    }
}
