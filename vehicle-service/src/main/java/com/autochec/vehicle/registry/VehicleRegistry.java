package com.autochec.vehicle.registry;

import com.autochec.contracts.audit.AuditAction;
import com.autochec.contracts.audit.AuditEvent;
import com.autochec.contracts.plate.Plate;
import com.autochec.platform.outbox.OutboxWritten;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import com.autochec.vehicle.audit.AuditConfig;
import com.autochec.vehicle.audit.AuditEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Single-vehicle changes. Each one is one conditional document write (version check) carrying its
 * pending outbox entry and its audit events (who changed what, before/after); the relays are then kicked.
 */
@Service
public class VehicleRegistry {

    /** Most vehicles one holder's record lists (a large fleet is browsed through the admin list instead). */
    static final int MAX_HELD = 500;

    private final VehicleStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    VehicleRegistry(VehicleStore store, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    public Optional<VehicleDocument> find(String id) {
        return store.findById(id);
    }

    public Optional<VehicleDocument> findByPlate(Plate plate) {
        return store.findByPlate(plate.value());
    }

    List<VehicleDocument> ownedBy(String accountId) {
        return store.findByAccount(accountId);
    }

    List<VehicleDocument> page(int page, int size) {
        return store.page(page, size);
    }

    long count() {
        return store.countLive();
    }

    VehicleDocument create(VehicleRequest request, Caller caller) {
        VehicleData data = request.toData(() -> UUID.randomUUID().toString());
        checkUnique(data, null);
        Instant now = now();
        VehicleDocument draft = VehicleDocument.create(data, null, now);
        VehicleDocument vehicle = draft.carrying(VehicleChanges.audits(now, caller, null, draft, null));
        try {
            store.insert(vehicle);
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("Un véhicule avec l'immatriculation " + data.plate() + " ou le VIN " + data.vin()
                    + " existe déjà");
        }
        saved();
        return vehicle;
    }

    VehicleDocument update(String id, VehicleRequest request, Caller caller) {
        return change(id, current -> {
            Owner holder = current.owner();
            VehicleData data = request.toData(() -> holder != null
                            && request.owner() != null
                            && holder.name().equalsIgnoreCase(request.owner().name().strip())
                    ? holder.ownerId()
                    : UUID.randomUUID().toString());
            checkUnique(data, current.id());
            Instant now = now();
            return current.apply(data, null, null, now).map(next -> withChangeAudits(current, next, caller, now, null));
        });
    }

    void delete(String id, Caller caller) {
        change(id, current -> {
            Instant now = now();
            return Optional.of(withChangeAudits(current, current.delete(now), caller, now, null));
        });
    }

    /** Hands the vehicle to a new holder: the current one goes to the ownership history. */
    VehicleDocument transfer(String id, OwnerRequest owner, Caller caller) {
        return change(id, current -> {
            VehicleData d = current.data();
            VehicleData next = new VehicleData(d.plate(), d.vin(), d.make(), d.model(), d.variant(), d.year(), d.colour(),
                    d.category(), d.fuel(), d.fiscalPower(), d.powerKw(), d.firstRegistration(),
                    owner.toOwner(UUID.randomUUID().toString()));
            Instant now = now();
            return current.apply(next, null, null, now).map(n -> withChangeAudits(current, n, caller, now, "transfer"));
        });
    }

    /** The vehicles a holder (person or company) holds. */
    List<VehicleDocument> heldBy(String ownerId) {
        return store.findByOwnerId(ownerId, MAX_HELD);
    }

    /**
     * Corrects a holder's details on every vehicle they hold (one versioned, published, audited change per
     * vehicle; the holder keeps its id).
     */
    List<VehicleDocument> updateOwner(String ownerId, OwnerRequest request, Caller caller) {
        List<VehicleDocument> held = heldBy(ownerId);
        if (held.isEmpty()) {
            throw ApiProblem.notFound("Aucun titulaire " + ownerId + " (titulaire actuel d'un véhicule)");
        }
        return held.stream().map(v -> change(v.id(), current -> {
            VehicleData d = current.data();
            if (d.owner() == null || !ownerId.equals(d.owner().ownerId())) {
                throw ApiProblem.conflict("Le véhicule " + current.plate() + " a changé de titulaire entre-temps");
            }
            VehicleData next = new VehicleData(d.plate(), d.vin(), d.make(), d.model(), d.variant(), d.year(), d.colour(),
                    d.category(), d.fuel(), d.fiscalPower(), d.powerKw(), d.firstRegistration(), request.toOwner(ownerId));
            Instant now = now();
            return current.apply(next, null, null, now).map(n -> withChangeAudits(current, n, caller, now, "titulaire corrigé"));
        })).toList();
    }

    /**
     * Reports the vehicle stolen at once (police, gendarmerie, customs agents and admins; others go through a
     * proposal that an admin confirms).
     */
    public VehicleDocument reportStolen(String id, Caller reporter, String reference, Caller confirmedBy) {
        return change(id, current -> {
            if (current.stolen()) {
                throw ApiProblem.conflict("Le véhicule " + current.plate() + " est déjà signalé volé");
            }
            Instant now = now();
            String ref = OwnerRequest.blankToNull(reference);
            AuditEvent event = AuditEvents.event(now, AuditAction.STOLEN_REPORTED, confirmedBy == null ? reporter : confirmedBy,
                    null, VehicleChanges.ref(current), false, "VEHICLE", current.id(), "REPORTED",
                    java.util.Map.of("stolen", "false"), java.util.Map.of("stolen", "true"),
                    confirmedBy == null ? ref : "signalement de " + reporter.username() + " confirmé"
                            + (ref == null ? "" : " (" + ref + ")"));
            return current.reportStolen(new StolenReport(now, reporter.subject(), ref), now, List.of(event));
        });
    }

    public VehicleDocument clearStolen(String id, Caller caller, String reason) {
        return change(id, current -> {
            if (!current.stolen()) {
                throw ApiProblem.conflict("Le véhicule " + current.plate() + " n'est pas signalé volé");
            }
            Instant now = now();
            AuditEvent event = AuditEvents.event(now, AuditAction.STOLEN_CLEARED, caller, null, VehicleChanges.ref(current),
                    false, "VEHICLE", current.id(), "CLEARED", java.util.Map.of("stolen", "true"),
                    java.util.Map.of("stolen", "false"), OwnerRequest.blankToNull(reason));
            return current.clearStolen(now, caller.subject(), OwnerRequest.blankToNull(reason), List.of(event));
        });
    }

    VehicleDocument setStatus(String id, AdminStatus status, boolean active, String reason, Caller caller) {
        return change(id, current -> {
            Instant now = now();
            return current.setStatus(status, active, caller.subject(), OwnerRequest.blankToNull(reason), now, List.of())
                    .map(next -> withChangeAudits(current, next, caller, now, reason));
        });
    }

    public VehicleDocument addMileage(String id, LocalDate date, int km, MileageSource source, Caller caller, String detail) {
        return change(id, current -> {
            Instant now = now();
            VehicleDocument next = current.addMileage(date, km, source, caller.subject(), now, List.of());
            return Optional.of(withChangeAudits(current, next, caller, now,
                    detail != null ? detail : "relevé " + km + " km au " + date + (next.mileageRollback() && !current.mileageRollback() ? " (recul du compteur)" : "")));
        });
    }

    VehicleDocument addEntry(String id, boolean claim, LocalDate date, String description, Integer km, Caller caller) {
        return change(id, current -> {
            Instant now = now();
            RecordEntry entry = new RecordEntry(UUID.randomUUID().toString(), date, description.strip(), km,
                    caller.subject(), now);
            VehicleDocument next = current.addEntry(claim, entry, now, List.of());
            return Optional.of(withChangeAudits(current, next, caller, now, (claim ? "sinistre : " : "entretien : ") + entry.description()));
        });
    }

    /** Applies an approved proposal's new data; {@code detail} names the proposal. */
    public VehicleDocument applyData(String id, Function<VehicleData, VehicleData> edit, Caller caller, String detail) {
        return change(id, current -> {
            VehicleData next = edit.apply(current.data());
            checkUnique(next, current.id());
            Instant now = now();
            Optional<VehicleDocument> changed = current.apply(next, null, null, now)
                    .map(n -> withChangeAudits(current, n, caller, now, detail));
            return changed;
        });
    }

    private static VehicleDocument withChangeAudits(
            VehicleDocument current, VehicleDocument next, Caller caller, Instant now, String detail) {
        return next.carrying(VehicleChanges.audits(now, caller, current, next, detail));
    }

    /** Loads, applies, writes if still at the loaded version. Empty change = nothing written. */
    private VehicleDocument change(String id, Function<VehicleDocument, Optional<VehicleDocument>> change) {
        VehicleDocument current = store.findById(id).orElseThrow(() -> notFound(id));
        Optional<VehicleDocument> next = change.apply(current);
        if (next.isEmpty()) {
            return current;
        }
        boolean written;
        try {
            written = store.replace(next.get(), current.version());
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("Un autre véhicule a déjà cette immatriculation ou ce VIN");
        }
        if (!written) {
            throw ApiProblem.conflict("Le véhicule " + id + " a été modifié entre-temps ; rechargez et réessayez");
        }
        saved();
        return next.get();
    }

    private void checkUnique(VehicleData data, String selfId) {
        store.findByPlate(data.plate())
                .filter(other -> !other.id().equals(selfId))
                .ifPresent(other -> {
                    throw ApiProblem.conflict("L'immatriculation " + data.plate() + " est déjà attribuée à un autre véhicule");
                });
        store.findByVin(data.vin())
                .filter(other -> !other.id().equals(selfId))
                .ifPresent(other -> {
                    throw ApiProblem.conflict("Le VIN " + data.vin() + " est déjà attribué à un autre véhicule");
                });
    }

    private void saved() {
        events.publishEvent(new VehicleChangesSaved(1));
        events.publishEvent(new OutboxWritten(AuditConfig.VEHICLE_CHANGES));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static ApiProblem notFound(String id) {
        return ApiProblem.notFound("Aucun véhicule " + id);
    }
}
