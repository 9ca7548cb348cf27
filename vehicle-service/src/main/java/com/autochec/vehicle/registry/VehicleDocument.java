package com.autochec.vehicle.registry;

import java.time.Instant;
import java.time.LocalDate;
import com.autochec.contracts.audit.AuditEvent;
import com.autochec.platform.outbox.AuditOutbox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
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
 *
 * <p>The full record: mileage readings (with a rollback flag), administrative status flags with their
 * history, ownership history, maintenance and claims entries. Changes made through the API carry their audit
 * events in {@code audit} (same write; see {@link AuditOutbox}).
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
        boolean deleted,
        List<MileageReading> mileage,
        Set<AdminStatus> statuses,
        List<StatusChange> statusHistory,
        List<RecordEntry> maintenance,
        List<RecordEntry> claims,
        AuditOutbox audit) {

    public static final String COLLECTION = "vehicles";
    public static final String IMPORT_REPORTER = "import";

    public VehicleDocument {
        ownershipHistory = ownershipHistory == null ? List.of() : List.copyOf(ownershipHistory);
        mileage = mileage == null ? List.of() : List.copyOf(mileage);
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(new TreeSet<>(statuses));
        statusHistory = statusHistory == null ? List.of() : List.copyOf(statusHistory);
        maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
        claims = claims == null ? List.of() : List.copyOf(claims);
        audit = audit == null ? AuditOutbox.NONE : audit;
    }

    /** A new vehicle, version 1, with its creation event pending. */
    public static VehicleDocument create(VehicleData data, StolenReport stolenReport, Instant now) {
        return create(data, stolenReport, now, List.of());
    }

    /** A new vehicle, version 1, with its creation event and {@code audits} pending. */
    public static VehicleDocument create(VehicleData data, StolenReport stolenReport, Instant now, List<AuditEvent> audits) {
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
                false,
                List.of(),
                Set.of(),
                List.of(),
                List.of(),
                List.of(),
                AuditOutbox.of(audits));
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
        return apply(data, stolenFlag, reporter, now, List.of());
    }

    /** {@link #apply(VehicleData, Boolean, String, Instant)} carrying audit events. */
    public Optional<VehicleDocument> apply(
            VehicleData data, Boolean stolenFlag, String reporter, Instant now, List<AuditEvent> audits) {
        boolean nextStolen = stolenFlag == null ? stolen : stolenFlag;
        if (data.equals(data()) && nextStolen == stolen) {
            return Optional.empty();
        }
        Next next = new Next(now, audits).data(data);
        if (nextStolen && !stolen) {
            next.stolen(new StolenReport(now, reporter, null), reporter, null);
        } else if (!nextStolen && stolen) {
            next.clearStolen(reporter, null);
        }
        return Optional.of(next.build());
    }

    /** Reports the vehicle stolen; empty when it already is. */
    public Optional<VehicleDocument> reportStolen(StolenReport report, Instant now) {
        return reportStolen(report, now, List.of());
    }

    public Optional<VehicleDocument> reportStolen(StolenReport report, Instant now, List<AuditEvent> audits) {
        if (stolen) {
            return Optional.empty();
        }
        return Optional.of(new Next(now, audits).stolen(report, report.reportedBy(), report.reference()).build());
    }

    /** Withdraws the stolen report; empty when there is none. */
    public Optional<VehicleDocument> clearStolen(Instant now) {
        return clearStolen(now, null, null, List.of());
    }

    public Optional<VehicleDocument> clearStolen(Instant now, String by, String reason, List<AuditEvent> audits) {
        if (!stolen) {
            return Optional.empty();
        }
        return Optional.of(new Next(now, audits).clearStolen(by, reason).build());
    }

    /** Sets or lifts an administrative flag other than STOLEN; empty when it already is so. */
    public Optional<VehicleDocument> setStatus(
            AdminStatus status, boolean active, String by, String reason, Instant now, List<AuditEvent> audits) {
        if (status == AdminStatus.STOLEN || status == AdminStatus.NORMAL) {
            throw new IllegalArgumentException("STOLEN and NORMAL are not flags set here: " + status);
        }
        if (statuses.contains(status) == active) {
            return Optional.empty();
        }
        return Optional.of(new Next(now, audits).status(status, active, by, reason).build());
    }

    /**
     * Adds a mileage reading; it is flagged as a rollback when an earlier-dated reading shows more
     * kilometres.
     */
    public VehicleDocument addMileage(
            LocalDate date, int km, MileageSource source, String by, Instant now, List<AuditEvent> audits) {
        boolean rollback = mileage.stream().anyMatch(r -> r.date().isBefore(date) && r.km() > km)
                || mileage.stream().anyMatch(r -> r.date().isEqual(date) && r.km() > km);
        Next next = new Next(now, audits);
        next.mileage.add(new MileageReading(date, km, source, rollback, now, by));
        next.mileage.sort(Comparator.comparing(MileageReading::date).thenComparing(MileageReading::recordedAt));
        return next.build();
    }

    /**
     * What an import row sets besides the data: exactly these administrative flags (null = keep) and the
     * readings not yet recorded (same date and km). Empty when nothing changes. A vehicle created by the same
     * import ({@code fresh}) keeps its version 1.
     */
    public Optional<VehicleDocument> importRecord(
            Set<AdminStatus> flags, List<MileageReading> readings, Instant now, boolean fresh) {
        Next next = new Next(now, List.of());
        boolean changed = false;
        if (flags != null) {
            for (AdminStatus status : AdminStatus.values()) {
                if (status == AdminStatus.NORMAL || status == AdminStatus.STOLEN) {
                    continue;
                }
                boolean wanted = flags.contains(status);
                if (statuses.contains(status) != wanted) {
                    next.status(status, wanted, IMPORT_REPORTER, null);
                    changed = true;
                }
            }
        }
        if (readings != null) {
            for (MileageReading reading : readings) {
                boolean known = next.mileage.stream()
                        .anyMatch(r -> r.date().equals(reading.date()) && r.km() == reading.km());
                if (!known) {
                    boolean rollback = next.mileage.stream()
                            .anyMatch(r -> !r.date().isAfter(reading.date()) && r.km() > reading.km());
                    next.mileage.add(new MileageReading(reading.date(), reading.km(), reading.source(), rollback, now,
                            IMPORT_REPORTER));
                    next.mileage.sort(Comparator.comparing(MileageReading::date));
                    changed = true;
                }
            }
        }
        if (!changed) {
            return Optional.empty();
        }
        next.keepVersion = fresh;
        return Optional.of(next.build());
    }

    /** Adds a maintenance ({@code claim} false) or claims entry. */
    public VehicleDocument addEntry(boolean claim, RecordEntry entry, Instant now, List<AuditEvent> audits) {
        Next next = new Next(now, audits);
        (claim ? next.claims : next.maintenance).add(entry);
        return next.build();
    }

    /** The highest reading so far (null without readings). */
    public MileageReading lastMileage() {
        return mileage.stream().max(Comparator.comparing(MileageReading::date)
                        .thenComparing(MileageReading::recordedAt))
                .orElse(null);
    }

    /** True when any reading was flagged as a rollback. */
    public boolean mileageRollback() {
        return mileage.stream().anyMatch(MileageReading::rollback);
    }

    /** Active flags, STOLEN included, in declaration order (empty = NORMAL). */
    public Set<AdminStatus> activeStatuses() {
        Set<AdminStatus> all = EnumSet.noneOf(AdminStatus.class);
        all.addAll(statuses);
        if (stolen) {
            all.add(AdminStatus.STOLEN);
        }
        return all;
    }

    /** A tombstone: plate and VIN released, the deletion event pending. */
    public VehicleDocument delete(Instant now) {
        return delete(now, List.of());
    }

    public VehicleDocument delete(Instant now, List<AuditEvent> audits) {
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
        Next next = new Next(now, audits).data(released);
        next.deleted = true;
        return next.build();
    }

    /** Carries audit events without changing anything else (still a new version). */
    public VehicleDocument withAudits(Instant now, List<AuditEvent> audits) {
        return new Next(now, audits).build();
    }

    /** The same document (same version) carrying {@code added} audit events after its pending ones. */
    public VehicleDocument carrying(List<AuditEvent> added) {
        if (added.isEmpty()) {
            return this;
        }
        return new VehicleDocument(id, plate, vin, make, model, variant, year, colour, category, fuel, fiscalPower,
                powerKw, firstRegistration, stolen, stolenReport, owner, ownerSince, ownershipHistory, version,
                createdAt, updatedAt, outbox, deleted, mileage, statuses, statusHistory, maintenance, claims,
                audit.then(added));
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

    /** The next version of this document, built from a copy of every field. */
    private final class Next {
        private final Instant now;
        private final List<AuditEvent> audits;
        private VehicleData data = VehicleDocument.this.data();
        private boolean nextStolen = stolen;
        private StolenReport nextReport = stolenReport;
        private Instant nextOwnerSince = ownerSince;
        private List<OwnershipPeriod> history = ownershipHistory;
        private boolean deleted;
        private boolean keepVersion;
        private final List<MileageReading> mileage = new ArrayList<>(VehicleDocument.this.mileage);
        private final Set<AdminStatus> statuses = EnumSet.noneOf(AdminStatus.class);
        private final List<StatusChange> statusHistory = new ArrayList<>(VehicleDocument.this.statusHistory);
        private final List<RecordEntry> maintenance = new ArrayList<>(VehicleDocument.this.maintenance);
        private final List<RecordEntry> claims = new ArrayList<>(VehicleDocument.this.claims);

        Next(Instant now, List<AuditEvent> audits) {
            this.now = now;
            this.audits = audits;
            this.statuses.addAll(VehicleDocument.this.statuses);
            this.deleted = VehicleDocument.this.deleted;
        }

        Next data(VehicleData next) {
            if (!sameHolder(owner, next.owner())) {
                if (owner != null) {
                    history = new ArrayList<>(ownershipHistory);
                    history.add(new OwnershipPeriod(owner, ownerSince, now));
                }
                nextOwnerSince = next.owner() == null ? null : now;
            }
            data = next;
            return this;
        }

        Next stolen(StolenReport report, String by, String reason) {
            nextStolen = true;
            nextReport = report;
            statusHistory.add(new StatusChange(AdminStatus.STOLEN, true, now, by, reason));
            return this;
        }

        Next clearStolen(String by, String reason) {
            nextStolen = false;
            nextReport = null;
            statusHistory.add(new StatusChange(AdminStatus.STOLEN, false, now, by, reason));
            return this;
        }

        Next status(AdminStatus status, boolean active, String by, String reason) {
            if (active) {
                statuses.add(status);
            } else {
                statuses.remove(status);
            }
            statusHistory.add(new StatusChange(status, active, now, by, reason));
            return this;
        }

        VehicleDocument build() {
            long nextVersion = keepVersion ? version : version + 1;
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
                    keepVersion ? outbox : Outbox.pending(UUID.randomUUID().toString(), nextVersion, now),
                    deleted,
                    mileage,
                    statuses,
                    statusHistory,
                    maintenance,
                    claims,
                    AuditOutbox.then(audit, audits));
        }
    }
}
