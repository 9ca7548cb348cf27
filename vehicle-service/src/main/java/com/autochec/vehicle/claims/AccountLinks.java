package com.autochec.vehicle.claims;

import com.autochec.contracts.account.AccountVehicleLinked;
import com.autochec.vehicle.registry.Owner;
import com.autochec.vehicle.registry.VehicleChangesSaved;
import com.autochec.vehicle.registry.VehicleData;
import com.autochec.vehicle.registry.VehicleDocument;
import com.autochec.vehicle.registry.VehicleStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Applies an approved claim: the vehicle's current holder gets the claimant's account id, as a versioned change
 * with its state event pending in the same write (so every service sees {@code owner.accountId} in the next
 * {@code VehicleStateChanged}). Idempotent: a holder already linked to that account changes nothing, so a
 * redelivered link writes and publishes nothing. Links of one vehicle arrive in order (keyed by vehicle id):
 * the last approved claim wins.
 */
@Service
class AccountLinks {

    private static final Logger log = LoggerFactory.getLogger(AccountLinks.class);
    private static final int ATTEMPTS = 5;

    /** What applying a link did. */
    enum Outcome { LINKED, ALREADY_LINKED, UNKNOWN_VEHICLE, NO_HOLDER }

    private final VehicleStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountLinks(VehicleStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    Outcome link(AccountVehicleLinked link) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<VehicleDocument> found = store.findById(link.vehicleId());
            if (found.isEmpty() && link.vin() != null) {
                found = store.findByVin(link.vin()).filter(v -> !v.deleted());
            }
            if (found.isEmpty()) {
                log.warn("Claim {}: no vehicle {} (VIN {}) to link to account {}", link.claimId(), link.vehicleId(),
                        link.vin(), link.accountId());
                return Outcome.UNKNOWN_VEHICLE;
            }
            VehicleDocument current = found.get();
            Owner holder = current.owner();
            if (holder == null) {
                log.warn("Claim {}: vehicle {} has no holder to link to account {}", link.claimId(), current.id(),
                        link.accountId());
                return Outcome.NO_HOLDER;
            }
            if (link.accountId().equals(holder.accountId())) {
                return Outcome.ALREADY_LINKED;
            }
            Optional<VehicleDocument> next =
                    current.apply(withAccount(current.data(), holder, link.accountId()), null, null, now());
            if (next.isEmpty()) {
                return Outcome.ALREADY_LINKED;
            }
            if (store.replace(next.get(), current.version())) {
                events.publishEvent(new VehicleChangesSaved(1));
                log.info("Claim {}: vehicle {} linked to account {}", link.claimId(), current.id(), link.accountId());
                return Outcome.LINKED;
            }
            // changed meanwhile (an import, an admin): reload and apply to the newer version
        }
        throw new IllegalStateException("Vehicle " + link.vehicleId() + " kept changing; the link is retried");
    }

    /** The same data with the same holder (same owner id: no change of ownership), now linked to the account. */
    private static VehicleData withAccount(VehicleData data, Owner holder, String accountId) {
        Owner linked = new Owner(holder.ownerId(), holder.kind(), holder.name(), holder.street(), holder.postalCode(),
                holder.town(), holder.email(), accountId);
        return new VehicleData(data.plate(), data.vin(), data.make(), data.model(), data.variant(), data.year(),
                data.colour(), data.category(), data.fuel(), data.fiscalPower(), data.powerKw(), data.firstRegistration(),
                linked);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
