package com.autochec.vehicle.outbox;

import com.autochec.contracts.vehicle.OwnerSnapshot;
import com.autochec.contracts.vehicle.VehicleSnapshot;
import com.autochec.contracts.vehicle.VehicleStateChanged;
import com.autochec.vehicle.registry.Owner;
import com.autochec.vehicle.registry.VehicleDocument;
import java.util.List;

/** The full-state event a vehicle document's pending outbox entry stands for. */
final class VehicleEvents {

    private VehicleEvents() {}

    static VehicleStateChanged stateChanged(VehicleDocument vehicle) {
        var outbox = vehicle.outbox();
        VehicleSnapshot snapshot = vehicle.deleted() ? null : snapshot(vehicle);
        return new VehicleStateChanged(outbox.eventId(), outbox.occurredAt(), vehicle.id(), outbox.version(), snapshot);
    }

    private static VehicleSnapshot snapshot(VehicleDocument v) {
        return new VehicleSnapshot(
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
                owner(v.owner()),
                v.activeStatuses().stream().map(Enum::name).toList(),
                v.lastMileage() == null ? null : v.lastMileage().km(),
                v.lastMileage() == null ? null : v.lastMileage().date(),
                v.mileageRollback(),
                v.mileage() == null
                        ? List.of()
                        : v.mileage().stream()
                                .map(r -> new VehicleSnapshot.MileageSnapshot(r.date(), r.km(), r.rollback()))
                                .toList());
    }

    private static OwnerSnapshot owner(Owner o) {
        if (o == null) {
            return null;
        }
        // no postal address, no e-mail: see OwnerSnapshot for who needs what
        return new OwnerSnapshot(o.ownerId(), o.kind() == null ? null : o.kind().name(), o.name(), o.town(), o.accountId());
    }
}
