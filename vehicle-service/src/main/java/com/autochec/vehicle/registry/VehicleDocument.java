package com.autochec.vehicle.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A vehicle in the {@code vehicles} collection. Every change returns a new document with the version
 * bumped and a pending {@link Outbox} entry, saved in one write: the change and its event can never be
 * separated. A deleted vehicle stays as a tombstone (plate and VIN removed, so they can be reused)
 * until the relay has published its deletion, then the relay removes it.
 */
@Document(VehicleDocument.COLLECTION)
public record VehicleDocument(
        @Id String id,
        String plate,
        String vin,
        String make,
        String model,
        String variant,
        int year,
        String colour,
        String category,
        String fuel,
        Integer fiscalPower,
        Integer powerKw,
        LocalDate firstRegistration,
        boolean stolen,
        StolenReport stolenReport,
        Owner owner,
        Instant ownerSince,
        List<OwnershipPeriod> ownershipHistory,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Outbox outbox,
        boolean deleted) {

    public static final String COLLECTION = "vehicles";
    public static final String IMPORT_REPORTER = "import";

    public VehicleDocument {
        ownershipHistory = ownershipHistory == null ? List.of() : List.copyOf(ownershipHistory);
    }

    /** A new vehicle, version 1, with its creation event pending. */
    public static VehicleDocument create(VehicleData data, StolenReport stolenReport, Instant now) {
        String id = UUID.randomUUID().toString();
        return new VehicleDocument(
                id,
                data.plate(),
                data.vin(),
                data.make(),
                data.model(),
                data.variant(),
                data.year(),
                data.colour(),
                data.category(),
                data.fuel(),
                data.fiscalPower(),
                data.powerKw(),
                data.firstRegistration(),
                stolenReport != null,
                stolenReport,
                data.owner(),
                data.owner() == null ? null : now,
                List.of(),
                1,
                now,
                now,
                Outbox.pending(UUID.randomUUID().toString(), 1, now),
                false);
    }

    public VehicleData data() {
        return new VehicleData(
                plate,
                vin,
                make,
                model,
                variant,
                year,
                colour,
                category,
                fuel,
                fiscalPower,
                powerKw,
                firstRegistration,
                owner);
    }

    /**
     * Applies new data and, when {@code stolenFlag} is not null, a stolen flag (as an import does).
     * Empty when nothing changes, so an identical re-import writes and publishes nothing.
     */
    public Optional<VehicleDocument> apply(VehicleData data, Boolean stolenFlag, String reporter, Instant now) {
        boolean nextStolen = stolenFlag == null ? stolen : stolenFlag;
        if (data.equals(data()) && nextStolen == stolen) {
            return Optional.empty();
        }
        StolenReport nextReport = stolenReport;
        if (nextStolen && !stolen) {
            nextReport = new StolenReport(now, reporter, null);
        } else if (!nextStolen) {
            nextReport = null;
        }
        List<OwnershipPeriod> history = ownershipHistory;
        Instant nextOwnerSince = ownerSince;
        if (!sameHolder(owner, data.owner())) {
            if (owner != null) {
                history = new ArrayList<>(ownershipHistory);
                history.add(new OwnershipPeriod(owner, ownerSince, now));
            }
            nextOwnerSince = data.owner() == null ? null : now;
        }
        return Optional.of(next(data, nextStolen, nextReport, nextOwnerSince, history, now, false));
    }

    /** Reports the vehicle stolen; empty when it already is. */
    public Optional<VehicleDocument> reportStolen(StolenReport report, Instant now) {
        if (stolen) {
            return Optional.empty();
        }
        return Optional.of(next(data(), true, report, ownerSince, ownershipHistory, now, false));
    }

    /** Withdraws the stolen report; empty when there is none. */
    public Optional<VehicleDocument> clearStolen(Instant now) {
        if (!stolen) {
            return Optional.empty();
        }
        return Optional.of(next(data(), false, null, ownerSince, ownershipHistory, now, false));
    }

    /** A tombstone: plate and VIN released, the deletion event pending. */
    public VehicleDocument delete(Instant now) {
        VehicleData released = new VehicleData(
                null,
                null,
                make,
                model,
                variant,
                year,
                colour,
                category,
                fuel,
                fiscalPower,
                powerKw,
                firstRegistration,
                owner);
        return next(released, stolen, stolenReport, ownerSince, ownershipHistory, now, true);
    }

    public boolean holdsAccount(String accountId) {
        return accountId != null && owner != null && accountId.equals(owner.accountId());
    }

    private static boolean sameHolder(Owner current, Owner next) {
        if (current == null || next == null) {
            return current == next;
        }
        return Objects.equals(current.ownerId(), next.ownerId());
    }

    private VehicleDocument next(
            VehicleData data,
            boolean nextStolen,
            StolenReport nextReport,
            Instant nextOwnerSince,
            List<OwnershipPeriod> history,
            Instant now,
            boolean nextDeleted) {
        long nextVersion = version + 1;
        return new VehicleDocument(
                id,
                data.plate(),
                data.vin(),
                data.make(),
                data.model(),
                data.variant(),
                data.year(),
                data.colour(),
                data.category(),
                data.fuel(),
                data.fiscalPower(),
                data.powerKw(),
                data.firstRegistration(),
                nextStolen,
                nextReport,
                data.owner(),
                nextOwnerSince,
                history,
                nextVersion,
                createdAt,
                now,
                Outbox.pending(UUID.randomUUID().toString(), nextVersion, now),
                nextDeleted);
    }
}
