package com.autochec.document.upload;

import com.autochec.document.document.StatedPurposes;
import com.autochec.contracts.document.DocumentStatus;
import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.vin.Vin;
import com.autochec.document.config.DocumentProperties;
import com.autochec.document.document.DocumentResponse;
import com.autochec.document.document.DocumentStore;
import com.autochec.document.document.DocumentStateOutbox;
import com.autochec.contracts.privacy.StatedPurpose;
import com.autochec.document.document.VehicleDocument;
import com.autochec.document.ownership.VehicleOwner;
import com.autochec.document.ownership.VehicleOwners;
import com.autochec.platform.objectstore.ObjectStore;
import com.autochec.platform.outbox.AuditOutbox;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import com.autochec.platform.security.Role;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import com.autochec.document.audit.DocumentAudit;
import com.autochec.document.document.DocumentChanged;
import org.springframework.context.ApplicationEventPublisher;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Stores an uploaded document image (status PENDING) and sends it to OCR.
 *
 * <p>The bytes go to the {@link ObjectStore} (never into MongoDB), the document with the file's metadata
 * (object key, content type, size, SHA-256, time) and its outbox entry to MongoDB, in that order: the
 * upload is acknowledged only once the object is durable and the document written. A crash between the
 * two leaves an object no document points to (an orphan under {@link DocumentFiles#PREFIX}, never a
 * document without its file); orphans are harmless and may be removed by a cleanup job that deletes
 * objects older than a grace period whose key no document carries.
 */
@Service
class DocumentUploads {

    private final DocumentStore store;
    private final VehicleOwners owners;
    private final DocumentFiles files;
    private final ImageRelay relay;
    private final DocumentProperties properties;
    private final Clock clock;
    private final DocumentStateOutbox outbox;
    private final PageRenderer renderer;
    private final DocumentAudit audit;
    private final ApplicationEventPublisher events;

    DocumentUploads(
            DocumentStore store,
            VehicleOwners owners,
            DocumentFiles files,
            ImageRelay relay,
            DocumentProperties properties,
            Clock clock,
            DocumentStateOutbox outbox,
            PageRenderer renderer,
            DocumentAudit audit,
            ApplicationEventPublisher events) {
        this.renderer = renderer;
        this.audit = audit;
        this.events = events;
        this.store = store;
        this.owners = owners;
        this.files = files;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** What the controller received; {@code bytes} already read (the size was checked first). */
    record Upload(byte[] bytes, String declaredContentType, String filename, String type, String vin, String plate,
            String vehicleId, String purpose, String purposeText) {

        Upload(byte[] bytes, String declaredContentType, String type, String vin, String plate) {
            this(bytes, declaredContentType, null, type, vin, plate, null, null, null);
        }
    }

    DocumentResponse upload(Caller caller, Upload upload) {
        if (upload.bytes().length == 0) throw ApiProblem.validation("file", "the file is empty");
        if (upload.bytes().length > properties.maxImageBytes()) {
            throw ApiProblem.payloadTooLarge("The file is larger than " + properties.maxImageBytes() + " bytes.");
        }
        ImageType image = ImageType.sniff(upload.bytes())
                .orElseThrow(() -> ApiProblem.unsupportedMediaType("Only JPEG, PNG and PDF files are accepted."));
        if (!image.agreesWith(upload.declaredContentType())) {
            throw ApiProblem.unsupportedMediaType(
                    "The file is " + image.mediaType() + " but was declared as " + upload.declaredContentType() + ".");
        }
        if (!image.agreesWithName(upload.filename())) {
            throw ApiProblem.unsupportedMediaType("The file is " + image.mediaType() + " but is named "
                    + upload.filename() + ": rename it or upload the right file.");
        }
        DocumentType type = parseType(upload.type());
        Vehicle vehicle = upload.vehicleId() != null && !upload.vehicleId().isBlank()
                ? owners.byId(upload.vehicleId().strip())
                        .map(v -> new Vehicle(v.vin(), v.plate(), v))
                        .orElseThrow(() -> ApiProblem.notFound("No vehicle " + upload.vehicleId().strip() + "."))
                : resolveVehicle(upload.vin(), upload.plate());
        StatedPurpose purpose = StatedPurposes.of(caller, upload.purpose(), upload.purposeText());
        if (!caller.isStaff()) {
            boolean owns = vehicle.known() != null
                    && Objects.equals(vehicle.known().ownerAccountId(), caller.subject())
                    && caller.subject() != null;
            if (caller.role() != Role.OWNER || !owns) {
                throw ApiProblem.forbidden("Owners can only upload documents for their own vehicles.");
            }
        }
        // Checked (and a PDF rendered) before anything is stored: a bomb or a corrupt file leaves nothing behind.
        PageRenderer.Raster raster = renderer.forOcr(image, upload.bytes());

        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        String sha256 = sha256(upload.bytes());
        // 1. the bytes, durably (and a PDF's rendered page); 2. the metadata with the document and its outbox entry.
        String key = files.put(id, upload.bytes(), image.mediaType());
        if (image == ImageType.PDF) files.putRaster(id, raster.bytes(), raster.mediaType());
        // the upload's audit event is written in the document itself: acknowledged means audited (docs/audit.md)
        var uploaded = audit.uploaded(caller, new DocumentAudit.Subject(id, vehicle.plate(),
                        vehicle.known() == null ? null : vehicle.known().vehicleId(),
                        vehicle.known() == null ? null : vehicle.known().ownerAccountId()),
                type.name(), purpose.codeName(), purpose.text());
        VehicleDocument document = new VehicleDocument(id, vehicle.vin(), vehicle.plate(), type, DocumentStatus.PENDING,
                null, null, null, null, null, VehicleDocument.Source.UPLOAD, caller.subject(),
                new VehicleDocument.StoredImage(key, image.mediaType(), upload.bytes().length, sha256, now, false),
                null, List.of(),
                null, 1, now, now, new VehicleDocument.Outbox(UUID.randomUUID().toString(), 1, now, false),
                purpose.codeName(), purpose.text(), AuditOutbox.of(List.of(uploaded)));
        store.insert(document);
        outbox.kick();
        audit.changeWritten();
        relay.send(document, raster.bytes(), raster.mediaType());
        events.publishEvent(new DocumentChanged(id));
        return DocumentResponse.of(document);
    }

    /** TAX (a tax receipt: registration taxes, or a company vehicle's annual tax) is stored as ROAD_TAX. */
    static DocumentType parseType(String raw) {
        if (raw == null || raw.isBlank()) throw ApiProblem.validation("type", "is required");
        String name = raw.strip().toUpperCase(Locale.ROOT);
        if (name.equals("TAX")) return DocumentType.ROAD_TAX;
        try {
            return DocumentType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation("type", "must be one of REGISTRATION, INSURANCE, INSPECTION, TAX");
        }
    }

    private record Vehicle(String vin, String plate, VehicleOwner known) {}

    private Vehicle resolveVehicle(String rawVin, String rawPlate) {
        boolean hasVin = rawVin != null && !rawVin.isBlank();
        boolean hasPlate = rawPlate != null && !rawPlate.isBlank();
        if (!hasVin && !hasPlate) throw ApiProblem.validation("vin", "vin or plate is required");
        String vin = hasVin ? Vin.tryParse(rawVin).map(Vin::value)
                .orElseThrow(() -> ApiProblem.validation("vin", "must be 17 letters or digits without I, O or Q"))
                : null;
        String plate = hasPlate ? Plate.tryParse(rawPlate).filter(Plate::isFrench).map(Plate::value)
                .orElseThrow(() -> ApiProblem.validation("plate", "is not a valid licence plate"))
                : null;
        Optional<VehicleOwner> known = vin != null ? owners.byVin(vin) : owners.byPlate(plate);
        if (vin == null) {
            vin = known.map(VehicleOwner::vin)
                    .orElseThrow(() -> ApiProblem.notFound("No vehicle with plate " + rawPlate.strip() + "."));
        }
        if (plate == null) plate = known.map(VehicleOwner::plate).orElse(null);
        return new Vehicle(vin, plate, known.orElse(null));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
