package com.autochec.document.document;

import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.privacy.StatedPurpose;
import com.autochec.contracts.vin.Vin;
import com.autochec.document.audit.DocumentAudit;
import com.autochec.document.ownership.VehicleOwner;
import com.autochec.document.ownership.VehicleOwners;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import com.autochec.platform.security.Role;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Reads documents and decides who may see them: admin and agent all, owners only their vehicles'. */
@Service
public class DocumentQueries {

    static final int MAX_PAGE = 100;

    private final DocumentStore store;
    private final VehicleOwners owners;
    private final DocumentAudit audit;

    DocumentQueries(DocumentStore store, VehicleOwners owners, DocumentAudit audit) {
        this.store = store;
        this.owners = owners;
        this.audit = audit;
    }

    /** A page of documents (the admin's queue): {@code hasNext} tells whether another page follows. */
    public record DocumentPage(List<DocumentResponse> items, int page, int size, boolean hasNext) {}

    /**
     * Documents in a status, oldest first (admins only: the review queue), each view audited as one event; anyone
     * else gets a 403 whatever purpose they state.
     */
    public DocumentPage byStatus(Caller caller, String rawStatus, int page, int size, String rawPurpose,
            String purposeText) {
        if (!caller.isAdmin()) throw ApiProblem.forbidden("Only admins may list documents by status.");
        StatedPurpose purpose = StatedPurposes.of(caller, rawPurpose, purposeText);
        DocumentStatus status;
        try {
            status = DocumentStatus.valueOf(rawStatus.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation("status", "must be one of PENDING, VALIDATED, REJECTED");
        }
        if (page < 0) throw ApiProblem.validation("page", "must be 0 or more");
        if (size < 1 || size > MAX_PAGE) throw ApiProblem.validation("size", "must be between 1 and " + MAX_PAGE);
        List<VehicleDocument> found = store.byStatus(status, page, size);
        List<VehicleDocument> shown = found.stream().limit(size).toList();
        if (!shown.isEmpty()) {
            audit.viewed(caller, new DocumentAudit.Subject(null, null, null, null), purpose.codeName(), purpose.text(),
                    "review queue " + status + " page " + page + ": " + shown.size() + " document(s)");
        }
        return new DocumentPage(shown.stream().map(DocumentResponse::of).toList(), page, size, found.size() > size);
    }

    /** Audits a staff caller's read of a document (its fields or file hold the holder's person data). */
    public void auditView(Caller caller, VehicleDocument d, StatedPurpose purpose, String what) {
        if (!caller.isStaff()) return;
        VehicleOwner vehicle = d.vin() == null ? null : owners.byVin(d.vin()).orElse(null);
        audit.viewed(caller, new DocumentAudit.Subject(d.id(), d.plate(), vehicle == null ? null : vehicle.vehicleId(),
                vehicle == null ? null : vehicle.ownerAccountId()), purpose.codeName(), purpose.text(), what);
    }

    public List<DocumentResponse> list(Caller caller, String rawVin, String rawPlate) {
        return list(caller, rawVin, rawPlate, StatedPurpose.NONE);
    }

    /** The documents of a vehicle by VIN or plate; a staff caller's purpose comes from {@link StatedPurpose#of}. */
    public List<DocumentResponse> list(Caller caller, String rawVin, String rawPlate, StatedPurpose purpose) {
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
        List<VehicleDocument> found = store.findByVehicles(vins, plates);
        if (caller.isStaff() && !found.isEmpty()) {
            VehicleDocument first = found.get(0);
            VehicleOwner vehicle = first.vin() == null ? null : owners.byVin(first.vin()).orElse(null);
            audit.viewed(caller, new DocumentAudit.Subject(null, plate != null ? plate : first.plate(),
                    vehicle == null ? null : vehicle.vehicleId(), vehicle == null ? null : vehicle.ownerAccountId()),
                    purpose.codeName(), purpose.text(), "documents of the vehicle: " + found.size());
        }
        return found.stream().map(d -> DocumentResponse.of(d).forCaller(caller)).toList();
    }

    public DocumentResponse get(Caller caller, String id) {
        return get(caller, id, StatedPurpose.NONE);
    }

    public DocumentResponse get(Caller caller, String id, StatedPurpose purpose) {
        VehicleDocument d = readable(caller, id);
        auditView(caller, d, purpose, "document fields");
        return DocumentResponse.of(d).forCaller(caller);
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
