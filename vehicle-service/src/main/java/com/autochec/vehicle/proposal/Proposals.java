package com.autochec.vehicle.proposal;

import com.autochec.contracts.audit.AuditAction;
import com.autochec.contracts.audit.AuditEvent;
import com.autochec.contracts.plate.InvalidPlateException;
import com.autochec.contracts.plate.Plate;
import com.autochec.platform.outbox.OutboxWritten;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import com.autochec.vehicle.audit.AuditConfig;
import com.autochec.vehicle.audit.AuditEvents;
import com.autochec.vehicle.audit.AuditEvents.VehicleRef;
import com.autochec.platform.outbox.AuditOutbox;
import com.autochec.vehicle.registry.MileageSource;
import com.autochec.vehicle.registry.VehicleDocument;
import com.autochec.vehicle.registry.VehicleRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Corrections by approval. Agents propose for any vehicle, owners only for their own (the vehicle's holder
 * account = their JWT subject) and never VIN, make or model; admins approve (the vehicle changes: new
 * version, published, audited) or reject. Stolen reports of agents outside law enforcement are proposals of
 * field STOLEN.
 */
@Service
class Proposals {

    private final ProposalStore store;
    private final VehicleRegistry registry;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Proposals(ProposalStore store, VehicleRegistry registry, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.registry = registry;
        this.clock = clock;
        this.events = events;
    }

    static boolean lawEnforcement(Caller caller) {
        return caller.isLawEnforcement();
    }

    ProposalDocument propose(ProposalRequest request, Caller caller) {
        ProposalField field = ProposalField.parse(request.field());
        if (caller.isOwner() && field.identification()) {
            throw ApiProblem.forbidden("Un propriétaire ne peut pas proposer de modifier le VIN, la marque ou le modèle ;"
                    + " adressez-vous à un agent ou à l'administration avec le certificat d'immatriculation");
        }
        String value = field.normalise(request.value());
        Plate plate;
        try {
            plate = Plate.parse(request.plate());
        } catch (InvalidPlateException e) {
            throw ApiProblem.validation("plate", e.getMessage());
        }
        Optional<VehicleDocument> found = registry.findByPlate(plate);
        if (caller.isOwner() && found.map(v -> !v.holdsAccount(caller.subject())).orElse(true)) {
            throw ApiProblem.forbidden("Vous ne pouvez proposer une correction que pour vos propres véhicules");
        }
        VehicleDocument vehicle = found.orElseThrow(() -> ApiProblem.notFound("Aucun véhicule immatriculé " + plate.value()));
        return create(vehicle, field, value, request.justification(), request.documentId(), caller);
    }

    /** A stolen report that waits for an admin (agents outside law enforcement). */
    ProposalDocument proposeStolen(VehicleDocument vehicle, String reference, Caller caller) {
        return create(vehicle, ProposalField.STOLEN, ProposalField.STOLEN.normalise(reference),
                "Signalement de vol par " + (caller.organisation() == null ? "un agent" : caller.organisation()),
                null, caller);
    }

    private ProposalDocument create(
            VehicleDocument vehicle, ProposalField field, String value, String justification, String documentId, Caller caller) {
        if (field == ProposalField.STOLEN && vehicle.stolen()) {
            throw ApiProblem.conflict("Le véhicule " + vehicle.plate() + " est déjà signalé volé");
        }
        Instant now = now();
        String id = UUID.randomUUID().toString();
        String current = field.current(vehicle);
        AuditEvent event = AuditEvents.event(now, AuditAction.PROPOSAL_CREATED, caller, null, ref(vehicle), false,
                "PROPOSAL", id, ProposalDocument.PENDING, single(field, current), single(field, value),
                justification);
        ProposalDocument proposal = new ProposalDocument(id, 1, vehicle.id(), vehicle.plate(), field.apiName(), current,
                value, blankToNull(justification), blankToNull(documentId), caller.subject(), caller.username(),
                caller.role().name().toLowerCase(Locale.ROOT), caller.organisation(), caller.organisationKind(),
                ProposalDocument.PENDING, now, null, null, null, AuditOutbox.of(List.of(event)));
        store.insert(proposal);
        events.publishEvent(new OutboxWritten(AuditConfig.PROPOSALS));
        return proposal;
    }

    /**
     * Applies the proposal to the vehicle (a no-op when the vehicle already has the value, so approving again
     * after a crash between the two writes is safe), then marks it approved.
     */
    ProposalDocument approve(String id, String reason, Caller admin) {
        ProposalDocument proposal = pending(id);
        ProposalField field = ProposalField.parse(proposal.field());
        String detail = "proposition " + proposal.id() + " de " + proposal.proposerUsername();
        switch (field) {
            case STOLEN -> {
                VehicleDocument v = registry.find(proposal.vehicleId()).orElseThrow(() -> gone(proposal));
                if (!v.stolen()) {
                    Caller reporter = new Caller(proposal.proposedBy(), proposal.proposerUsername(),
                            com.autochec.platform.security.Role.AGENT, proposal.proposerOrganisation(),
                            proposal.proposerOrganisationKind());
                    registry.reportStolen(v.id(), reporter, proposal.value(), admin);
                }
            }
            case MILEAGE -> registry.addMileage(proposal.vehicleId(), LocalDate.ofInstant(proposal.createdAt(), ZoneOffset.UTC),
                    Integer.parseInt(proposal.value()),
                    "owner".equals(proposal.proposerRole()) ? MileageSource.OWNER : MileageSource.AGENT, admin, detail);
            default -> registry.applyData(proposal.vehicleId(), d -> field.apply(d, proposal.value()), admin, detail);
        }
        return decide(proposal, ProposalDocument.APPROVED, reason, admin);
    }

    ProposalDocument reject(String id, String reason, Caller admin) {
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.validation("reason", "motif du refus obligatoire");
        }
        return decide(pending(id), ProposalDocument.REJECTED, reason, admin);
    }

    private ProposalDocument decide(ProposalDocument proposal, String status, String reason, Caller admin) {
        Instant now = now();
        AuditEvent event = AuditEvents.event(now, AuditAction.PROPOSAL_DECIDED, admin, null,
                new VehicleRef(proposal.vehicleId(), proposal.plate(), null), false, "PROPOSAL", proposal.id(), status,
                Map.of("status", ProposalDocument.PENDING), Map.of("status", status), blankToNull(reason));
        ProposalDocument next = proposal.decided(status, admin.subject(), blankToNull(reason), now, List.of(event));
        if (!store.replace(next, proposal.version())) {
            throw ApiProblem.conflict("La proposition " + proposal.id() + " a été traitée entre-temps");
        }
        events.publishEvent(new OutboxWritten(AuditConfig.PROPOSALS));
        return next;
    }

    private ProposalDocument pending(String id) {
        ProposalDocument proposal = store.find(id).orElseThrow(() -> ApiProblem.notFound("Aucune proposition " + id));
        if (!ProposalDocument.PENDING.equals(proposal.status())) {
            throw ApiProblem.conflict("La proposition " + id + " est déjà " + proposal.status());
        }
        return proposal;
    }

    List<ProposalDocument> page(String status, int page, int size) {
        return store.page(status, page, size);
    }

    long count(String status) {
        return store.count(status);
    }

    List<ProposalDocument> mine(Caller caller) {
        return store.mine(caller.subject(), 200);
    }

    Optional<VehicleDocument> vehicle(String id) {
        return registry.find(id);
    }

    private static ApiProblem gone(ProposalDocument p) {
        return ApiProblem.conflict("Le véhicule de la proposition " + p.id() + " n'existe plus");
    }

    private static VehicleRef ref(VehicleDocument v) {
        return new VehicleRef(v.id(), v.plate(), v.owner() == null ? null : v.owner().accountId());
    }

    private static Map<String, Object> single(ProposalField field, String value) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put(field.apiName(), value);
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
