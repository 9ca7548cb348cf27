package com.autochec.vehicle.registry;

import com.autochec.platform.security.Caller;
import com.autochec.contracts.vin.Vin;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What each role may see of a vehicle. Decided here, in the service that owns the data:
 *
 * <ul>
 *   <li>admin: everything, ownership history included ({@link AdminView});
 *   <li>the vehicle's own owner (owner.accountId = JWT sub): everything but former holders
 *       ({@link OwnerView});
 *   <li>agent: technical data, VIN, stolen flag and the holder's name and town only
 *       ({@link AgentView});
 *   <li>anyone else: nothing, the vehicle is reported as not found so its existence does not leak.
 * </ul>
 *
 * <p>The full record (administrative status flags, mileage readings with the rollback flag, maintenance and
 * claims entries) is shown to admins, agents and the vehicle's owner; who recorded what (JWT subjects) only
 * to admins. The public never reaches vehicle-service (its checks go through verification-service).
 */
final class VehicleViews {

    private VehicleViews() {}

    /** A vehicle as returned by the API; the JSON shape depends on the implementation. */
    sealed interface VehicleView permits AdminView, OwnerView, AgentView {}

    record OwnerDetails(
            String ownerId,
            String kind,
            String name,
            String street,
            String postalCode,
            String town,
            String email,
            String accountId) {}

    record OwnerSummary(String name, String town) {}

    record StolenReportView(Instant reportedAt, String reportedBy, String reference) {}

    record OwnershipView(OwnerDetails owner, Instant from, Instant to) {}

    record MileageView(LocalDate date, int km, String source, boolean rollback) {}

    record StatusChangeView(String status, boolean active, Instant at, String by, String reason) {}

    record EntryView(String id, LocalDate date, String description, Integer km) {}

    /** Status flags (NORMAL when none), last mileage, readings, maintenance and claims. */
    record RecordView(
            List<String> statuses,
            Integer lastMileageKm,
            boolean mileageRollback,
            List<MileageView> mileage,
            List<EntryView> maintenance,
            List<EntryView> claims) {}

    /** An item of the admin's list: no person data (open the vehicle, with a purpose, to see its holder). */
    record VehicleSummary(
            String id, String plate, String vin, String make, String model, int year, String colour,
            List<String> statuses, long version, Instant updatedAt) {}

    record AdminView(
            String id,
            String plate,
            String vin,
            boolean vinCheckDigitValid,
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
            StolenReportView stolenReport,
            OwnerDetails owner,
            Instant ownerSince,
            List<OwnershipView> ownershipHistory,
            RecordView record,
            List<StatusChangeView> statusHistory,
            long version,
            Instant createdAt,
            Instant updatedAt)
            implements VehicleView {}

    record OwnerView(
            String id,
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
            StolenReportView stolenReport,
            OwnerDetails owner,
            Instant ownerSince,
            RecordView record,
            long version,
            Instant updatedAt)
            implements VehicleView {}

    record AgentView(
            String id,
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
            Instant stolenReportedAt,
            OwnerSummary owner,
            RecordView record)
            implements VehicleView {}

    /** The view this caller may have of this vehicle, or empty when they may not know it exists. */
    static Optional<VehicleView> forCaller(VehicleDocument v, Caller caller) {
        return switch (caller.role()) {
            case ADMIN -> Optional.of(admin(v));
            case AGENT -> Optional.of(v.holdsAccount(caller.subject()) ? owner(v) : agent(v));
            case OWNER, PUBLIC -> v.holdsAccount(caller.subject()) ? Optional.of(owner(v)) : Optional.empty();
        };
    }

    static AdminView admin(VehicleDocument v) {
        return new AdminView(
                v.id(),
                v.plate(),
                v.vin(),
                Vin.tryParse(v.vin()).map(Vin::hasValidCheckDigit).orElse(false),
                v.make(),
                v.model(),
                v.variant(),
                v.year(),
                v.colour(),
                v.category(),
                v.fuel(),
                v.fiscalPower(),
                v.powerKw(),
                v.firstRegistration(),
                v.stolen(),
                stolenReport(v.stolenReport()),
                details(v.owner()),
                v.ownerSince(),
                v.ownershipHistory().stream()
                        .map(p -> new OwnershipView(details(p.owner()), p.from(), p.to()))
                        .toList(),
                record(v),
                v.statusHistory().stream()
                        .map(c -> new StatusChangeView(c.status().name(), c.active(), c.at(), c.by(), c.reason()))
                        .toList(),
                v.version(),
                v.createdAt(),
                v.updatedAt());
    }

    static OwnerView owner(VehicleDocument v) {
        return new OwnerView(
                v.id(),
                v.plate(),
                v.vin(),
                v.make(),
                v.model(),
                v.variant(),
                v.year(),
                v.colour(),
                v.category(),
                v.fuel(),
                v.fiscalPower(),
                v.powerKw(),
                v.firstRegistration(),
                v.stolen(),
                stolenReport(v.stolenReport()),
                details(v.owner()),
                v.ownerSince(),
                record(v),
                v.version(),
                v.updatedAt());
    }

    static AgentView agent(VehicleDocument v) {
        return new AgentView(
                v.id(),
                v.plate(),
                v.vin(),
                v.make(),
                v.model(),
                v.variant(),
                v.year(),
                v.colour(),
                v.category(),
                v.fuel(),
                v.fiscalPower(),
                v.powerKw(),
                v.firstRegistration(),
                v.stolen(),
                v.stolenReport() == null ? null : v.stolenReport().reportedAt(),
                v.owner() == null ? null : new OwnerSummary(v.owner().name(), v.owner().town()),
                record(v));
    }

    static VehicleSummary summary(VehicleDocument v) {
        return new VehicleSummary(v.id(), v.plate(), v.vin(), v.make(), v.model(), v.year(), v.colour(),
                statuses(v), v.version(), v.updatedAt());
    }

    static List<String> statuses(VehicleDocument v) {
        List<String> active = v.activeStatuses().stream().map(Enum::name).toList();
        return active.isEmpty() ? List.of(AdminStatus.NORMAL.name()) : active;
    }

    static RecordView record(VehicleDocument v) {
        MileageReading last = v.lastMileage();
        return new RecordView(
                statuses(v),
                last == null ? null : last.km(),
                v.mileageRollback(),
                v.mileage().stream()
                        .map(r -> new MileageView(r.date(), r.km(), r.source() == null ? null : r.source().name(), r.rollback()))
                        .toList(),
                v.maintenance().stream().map(VehicleViews::entry).toList(),
                v.claims().stream().map(VehicleViews::entry).toList());
    }

    private static EntryView entry(RecordEntry e) {
        return new EntryView(e.id(), e.date(), e.description(), e.km());
    }

    static OwnerDetails details(Owner o) {
        if (o == null) {
            return null;
        }
        return new OwnerDetails(
                o.ownerId(),
                o.kind() == null ? null : o.kind().name(),
                o.name(),
                o.street(),
                o.postalCode(),
                o.town(),
                o.email(),
                o.accountId());
    }

    private static StolenReportView stolenReport(StolenReport r) {
        return r == null ? null : new StolenReportView(r.reportedAt(), r.reportedBy(), r.reference());
    }
}
