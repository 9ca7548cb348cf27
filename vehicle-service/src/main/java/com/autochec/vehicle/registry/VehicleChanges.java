package com.autochec.vehicle.registry;

import com.autochec.contracts.audit.AuditAction;
import com.autochec.contracts.audit.AuditEvent;
import com.autochec.platform.security.Caller;
import com.autochec.vehicle.audit.AuditEvents;
import com.autochec.vehicle.audit.AuditEvents.VehicleRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The audit events of a change to a vehicle: {@code VEHICLE_CHANGED} with the changed technical fields
 * before/after, {@code OWNER_CHANGED} when the holder changed (name, kind, town and account only: the
 * postal address and e-mail never enter the audit trail, their change is marked "modifié").
 */
final class VehicleChanges {

    private VehicleChanges() {}

    static VehicleRef ref(VehicleDocument v) {
        return new VehicleRef(v.id(), v.plate(), v.owner() == null ? null : v.owner().accountId());
    }

    static List<AuditEvent> audits(
            Instant now, Caller caller, VehicleDocument before, VehicleDocument after, String detail) {
        List<AuditEvent> events = new ArrayList<>();
        VehicleData b = before == null ? null : before.data();
        VehicleData a = after.deleted() ? null : after.data();
        Map<String, Object> vb = new LinkedHashMap<>();
        Map<String, Object> va = new LinkedHashMap<>();
        compare("plate", b == null ? null : b.plate(), a == null ? null : a.plate(), vb, va);
        compare("vin", b == null ? null : b.vin(), a == null ? null : a.vin(), vb, va);
        compare("make", b == null ? null : b.make(), a == null ? null : a.make(), vb, va);
        compare("model", b == null ? null : b.model(), a == null ? null : a.model(), vb, va);
        compare("variant", b == null ? null : b.variant(), a == null ? null : a.variant(), vb, va);
        compare("year", b == null ? null : b.year(), a == null ? null : a.year(), vb, va);
        compare("colour", b == null ? null : b.colour(), a == null ? null : a.colour(), vb, va);
        compare("category", b == null ? null : b.category(), a == null ? null : a.category(), vb, va);
        compare("fuel", b == null ? null : b.fuel(), a == null ? null : a.fuel(), vb, va);
        compare("fiscalPower", b == null ? null : b.fiscalPower(), a == null ? null : a.fiscalPower(), vb, va);
        compare("powerKw", b == null ? null : b.powerKw(), a == null ? null : a.powerKw(), vb, va);
        compare("firstRegistration", b == null ? null : b.firstRegistration(), a == null ? null : a.firstRegistration(), vb, va);
        if (before != null) {
            compare("statuses", before.activeStatuses(), after.activeStatuses(), vb, va);
            compare("mileageReadings", before.mileage().size(), after.mileage().size(), vb, va);
            compare("maintenanceEntries", before.maintenance().size(), after.maintenance().size(), vb, va);
            compare("claimEntries", before.claims().size(), after.claims().size(), vb, va);
        }
        if (!vb.isEmpty() || !va.isEmpty() || before == null || after.deleted()) {
            events.add(AuditEvents.event(now, AuditAction.VEHICLE_CHANGED, caller, null, ref(before == null ? after : before),
                    false, "VEHICLE", after.id(), before == null ? "CREATED" : after.deleted() ? "DELETED" : "UPDATED",
                    vb, va, detail));
        }
        Owner ob = before == null ? null : before.owner();
        Owner oa = after.deleted() ? null : after.owner();
        Map<String, Object> pb = new LinkedHashMap<>();
        Map<String, Object> pa = new LinkedHashMap<>();
        compare("ownerId", ob == null ? null : ob.ownerId(), oa == null ? null : oa.ownerId(), pb, pa);
        compare("kind", ob == null ? null : ob.kind(), oa == null ? null : oa.kind(), pb, pa);
        compare("name", ob == null ? null : ob.name(), oa == null ? null : oa.name(), pb, pa);
        compare("town", ob == null ? null : ob.town(), oa == null ? null : oa.town(), pb, pa);
        compare("accountId", ob == null ? null : ob.accountId(), oa == null ? null : oa.accountId(), pb, pa);
        for (String hidden : List.of("street", "postalCode", "email")) {
            Object x = ob == null ? null : hiddenValue(ob, hidden);
            Object y = oa == null ? null : hiddenValue(oa, hidden);
            if (!Objects.equals(x, y)) {
                pb.put(hidden, x == null ? null : "(masqué)");
                pa.put(hidden, y == null ? null : "(modifié)");
            }
        }
        if (!pb.isEmpty() || !pa.isEmpty()) {
            String subject = oa != null && oa.accountId() != null ? oa.accountId() : ob == null ? null : ob.accountId();
            VehicleRef ref = new VehicleRef(after.id(), after.plate() != null ? after.plate() : before.plate(), subject);
            events.add(AuditEvents.event(now, AuditAction.OWNER_CHANGED, caller, null, ref, true, "OWNER",
                    oa != null ? oa.ownerId() : ob.ownerId(), null, pb, pa, detail));
        }
        return events;
    }

    private static Object hiddenValue(Owner o, String field) {
        return switch (field) {
            case "street" -> o.street();
            case "postalCode" -> o.postalCode();
            default -> o.email();
        };
    }

    private static void compare(String field, Object x, Object y, Map<String, Object> before, Map<String, Object> after) {
        if (!Objects.equals(x, y)) {
            before.put(field, x == null ? null : String.valueOf(x));
            after.put(field, y == null ? null : String.valueOf(y));
        }
    }
}
