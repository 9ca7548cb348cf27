package com.autochec.document.document;

import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.vin.Vin;
import com.autochec.document.ownership.VehicleOwner;
import com.autochec.document.ownership.VehicleOwners;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import com.autochec.platform.security.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Reads documents and decides who may see them: admin and agent all, owners only their vehicles'. */
@Service
public class DocumentQueries {

    private final DocumentStore store;
    private final VehicleOwners owners;

    DocumentQueries(DocumentStore store, VehicleOwners owners) {
        this.store = store;
        this.owners = owners;
    }

    public List<DocumentResponse> list(Caller caller, String rawVin, String rawPlate) {
        String vin = blank(rawVin) ? null : Vin.tryParse(rawVin).map(Vin::value)
                .orElseThrow(() -> ApiProblem.validation("vin", "must be 17 characters, letters and digits without I, O or Q"));
        String plate = blank(rawPlate) ? null : Plate.tryParse(rawPlate).filter(Plate::isFrench).map(Plate::value)
                .orElseThrow(() -> ApiProblem.validation("plate", "is not a valid licence plate"));
        Set<String> vins = new HashSet<>();
        Set<String> plates = new HashSet<>();
        if (caller.isStaff()) {
            if (vin == null && plate == null) throw ApiProblem.validation("vin", "vin or plate is required");
            if (vin != null) vins.add(vin);
            if (plate != null) {
                plates.add(plate);
                owners.byPlate(plate).map(VehicleOwner::vin).ifPresent(vins::add);
            }
        } else if (caller.role() == Role.OWNER) {
            List<VehicleOwner> own = owners.ownedBy(caller.subject());
            for (VehicleOwner v : own) {
                boolean wanted = (vin == null || vin.equals(v.vin())) && (plate == null || plate.equals(v.plate()));
                if (wanted && v.vin() != null) vins.add(v.vin());
            }
            if (vins.isEmpty() && (vin != null || plate != null)) {
                throw ApiProblem.forbidden("You can only see the documents of your own vehicles.");
            }
        } else {
            throw ApiProblem.forbidden("Your role does not allow reading documents.");
        }
        if (vins.isEmpty() && plates.isEmpty()) return List.of();
        return store.findByVehicles(vins, plates).stream().map(DocumentResponse::of).toList();
    }

    public DocumentResponse get(Caller caller, String id) {
        return DocumentResponse.of(readable(caller, id));
    }

    /** The stored document if the caller may see it (staff, or the owner of its vehicle); 404 otherwise. */
    public VehicleDocument readable(Caller caller, String id) {
        VehicleDocument document = store.findById(id)
                .orElseThrow(() -> ApiProblem.notFound("No document " + id + "."));
        if (!caller.isStaff() && !ownsVehicle(caller, document.vin())) {
            // Do not reveal that the document exists.
            throw ApiProblem.notFound("No document " + id + ".");
        }
        return document;
    }

    /** Whether the caller (an owner) owns the vehicle with this VIN, according to the projection. */
    public boolean ownsVehicle(Caller caller, String vin) {
        if (caller.role() != Role.OWNER || vin == null) return false;
        return owners.byVin(vin)
                .map(v -> Objects.equals(v.ownerAccountId(), caller.subject()))
                .orElse(false);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
