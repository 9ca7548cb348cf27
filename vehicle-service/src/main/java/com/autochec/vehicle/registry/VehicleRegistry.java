package com.autochec.vehicle.registry;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.contracts.plate.Plate;
import java.time.Clock;
import java.time.Instant;
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
 * pending outbox entry; the relay is then kicked.
 */
@Service
class VehicleRegistry {

    private final VehicleStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    VehicleRegistry(VehicleStore store, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    Optional<VehicleDocument> find(String id) {
        return store.findById(id);
    }

    Optional<VehicleDocument> findByPlate(Plate plate) {
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

    VehicleDocument create(VehicleRequest request) {
        VehicleData data = request.toData(() -> UUID.randomUUID().toString());
        checkUnique(data, null);
        VehicleDocument vehicle = VehicleDocument.create(data, null, now());
        try {
            store.insert(vehicle);
        } catch (DuplicateKeyException e) {
            throw ApiProblem.conflict("A vehicle with plate " + data.plate() + " or VIN " + data.vin() + " already exists");
        }
        saved();
        return vehicle;
    }

    VehicleDocument update(String id, VehicleRequest request) {
        return change(id, current -> {
            Owner holder = current.owner();
            VehicleData data = request.toData(() -> holder != null
                            && request.owner() != null
                            && holder.name().equalsIgnoreCase(request.owner().name().strip())
                    ? holder.ownerId()
                    : UUID.randomUUID().toString());
            checkUnique(data, current.id());
            return current.apply(data, null, null, now());
        });
    }

    void delete(String id) {
        change(id, current -> Optional.of(current.delete(now())));
    }

    VehicleDocument reportStolen(String id, String reportedBy, String reference) {
        return change(id, current -> {
            if (current.stolen()) {
                throw ApiProblem.conflict("Vehicle " + current.plate() + " is already reported stolen");
            }
            Instant now = now();
            return current.reportStolen(new StolenReport(now, reportedBy, OwnerRequest.blankToNull(reference)), now);
        });
    }

    VehicleDocument clearStolen(String id) {
        return change(id, current -> {
            if (!current.stolen()) {
                throw ApiProblem.conflict("Vehicle " + current.plate() + " is not reported stolen");
            }
            return current.clearStolen(now());
        });
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
            throw ApiProblem.conflict("Another vehicle already has this plate or VIN");
        }
        if (!written) {
            throw ApiProblem.conflict("Vehicle " + id + " was changed by someone else; reload and retry");
        }
        saved();
        return next.get();
    }

    private void checkUnique(VehicleData data, String selfId) {
        store.findByPlate(data.plate())
                .filter(other -> !other.id().equals(selfId))
                .ifPresent(other -> {
                    throw ApiProblem.conflict("Plate " + data.plate() + " is already registered to another vehicle");
                });
        store.findByVin(data.vin())
                .filter(other -> !other.id().equals(selfId))
                .ifPresent(other -> {
                    throw ApiProblem.conflict("VIN " + data.vin() + " is already registered to another vehicle");
                });
    }

    private void saved() {
        events.publishEvent(new VehicleChangesSaved(1));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static ApiProblem notFound(String id) {
        return ApiProblem.notFound("No vehicle " + id);
    }
}
