package com.autochec.verification.photo;

import com.autochec.contracts.plate.InvalidPlateException;
import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.privacy.StatedPurpose;
import com.autochec.contracts.vin.InvalidVinException;
import com.autochec.contracts.vin.Vin;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import com.autochec.platform.security.Caller;
import com.autochec.platform.security.Role;
import com.autochec.verification.check.CheckService;
import com.autochec.verification.check.CheckStatus;
import com.autochec.verification.config.VerificationProperties;
import com.autochec.verification.fraud.Observation;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photo checks: {@code POST /api/checks} as multipart/form-data with a {@code photo} part (JPEG, PNG
 * or WebP by content, at most 10 MB) — or, instead of it, a typed {@code plate} field with a {@code vinPhoto} part —
 * and optionally a {@code vinPhoto} part (a photo of the VIN plate or windscreen, same limits; agents and admins
 * only: 403 otherwise), read by the OCR worker and compared with the registry's VIN; a {@code purpose} part ({@code Purpose} code; required for agents
 * and admins) with {@code purposeText} (required with OTHER), and optional observation parts:
 * {@code observedMake}, {@code observedColour}, {@code vin}, {@code lat} and {@code lon}, and {@code capturedAt}
 * (ISO-8601: when the photo was taken, for a check sent late from the offline queue). The photo is kept
 * as evidence in the object store, the check is PENDING until the OCR worker's reading arrives or its
 * reading deadline passes; its progress: {@code GET /api/checks/{id}/events}.
 */
@RestController
class PhotoCheckController {

    private static final int MAX_OBSERVED = 60;

    private final CheckService checks;
    private final PlateImagePublisher publisher;
    private final PhotoEvidenceStore evidence;
    private final long maxPhotoBytes;

    PhotoCheckController(
            CheckService checks,
            PlateImagePublisher publisher,
            PhotoEvidenceStore evidence,
            VerificationProperties properties) {
        this.checks = checks;
        this.publisher = publisher;
        this.evidence = evidence;
        this.maxPhotoBytes = properties.maxPhoto().toBytes();
    }

    /** The answer to an accepted photo check. */
    record PendingCheck(String id, CheckStatus status) {}

    @PostMapping(
            path = "/api/checks",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PendingCheck> photoCheck(
            @RequestPart(name = "photo", required = false) MultipartFile photo,
            @RequestPart(name = "vinPhoto", required = false) MultipartFile vinPhoto,
            @RequestParam(name = "plate", required = false) String plate,
            @RequestParam(name = "purpose", required = false) String purpose,
            @RequestParam(name = "purposeText", required = false) String purposeText,
            @RequestParam(name = "observedMake", required = false) String observedMake,
            @RequestParam(name = "observedColour", required = false) String observedColour,
            @RequestParam(name = "vin", required = false) String vin,
            @RequestParam(name = "lat", required = false) String lat,
            @RequestParam(name = "lon", required = false) String lon,
            @RequestParam(name = "capturedAt", required = false) String capturedAt,
            Caller caller)
            throws IOException {
        boolean typed = plate != null && !plate.isBlank();
        if (photo == null && !(typed && vinPhoto != null)) {
            throw ApiProblem.validation("photo", "a photo part is required, or a plate with a vinPhoto part");
        }
        if (photo != null && typed) {
            throw ApiProblem.validation("plate", "give a photo or a plate, not both");
        }
        if (vinPhoto != null && caller.role() != Role.AGENT && caller.role() != Role.ADMIN) {
            throw ApiProblem.forbidden("Only agents and admins may have a VIN photo read.");
        }
        byte[] data = photo == null ? null : bytes(photo, "photo");
        byte[] vinData = vinPhoto == null ? null : bytes(vinPhoto, "vinPhoto");
        List<FieldError> errors = new ArrayList<>();
        Plate typedPlate = null;
        if (typed) {
            try {
                typedPlate = Plate.parse(plate);
            } catch (InvalidPlateException e) {
                errors.add(new FieldError("plate", e.getMessage()));
            }
        }
        StatedPurpose stated = StatedPurpose.parse(purpose, purposeText, caller.role().atLeast(Role.AGENT),
                (field, message) -> errors.add(new FieldError(field, message)));
        Observation observation = observation(observedMake, observedColour, vin, lat, lon, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        Instant captured = checks.capturedAt(capturedAt);
        String contentType = data == null ? null : imageType(data, "photo");
        String vinContentType = vinData == null ? null : imageType(vinData, "VIN photo");
        String id = UUID.randomUUID().toString();
        if (data != null) {
            evidence.store(id, contentType, data);
        }
        if (vinData != null) {
            evidence.store(id + PhotoEvidenceStore.VIN_SUFFIX, vinContentType, vinData);
        }
        checks.startPhotoCheck(id, caller, stated, observation,
                data == null ? null : new CheckService.Image(contentType, data.length), typedPlate,
                vinData == null ? null : new CheckService.Image(vinContentType, vinData.length), captured);
        if (data != null) {
            publisher.publish(id, contentType, data);
        }
        if (vinData != null) {
            publisher.publishVin(id, vinContentType, vinData);
        }
        return ResponseEntity.accepted()
                .location(URI.create("/api/checks/" + id))
                .body(new PendingCheck(id, CheckStatus.PENDING));
    }

    private byte[] bytes(MultipartFile part, String name) throws IOException {
        if (part.getSize() > maxPhotoBytes) {
            throw ApiProblem.payloadTooLarge("The " + name + " is larger than " + maxPhotoBytes + " bytes.");
        }
        if (part.isEmpty()) {
            throw ApiProblem.validation(name, "is empty");
        }
        return part.getBytes();
    }

    private static String imageType(byte[] data, String what) {
        return ImageTypes.detect(data)
                .orElseThrow(() -> ApiProblem.unsupportedMediaType("The " + what + " must be a JPEG, PNG or WebP image."));
    }

    private static Observation observation(
            String make, String colour, String vin, String lat, String lon, List<FieldError> errors) {
        String m = text(make, "observedMake", errors);
        String c = text(colour, "observedColour", errors);
        Vin v = null;
        if (vin != null && !vin.isBlank()) {
            try {
                v = Vin.parse(vin);
            } catch (InvalidVinException e) {
                errors.add(new FieldError("vin", e.getMessage()));
            }
        }
        Observation.Location location = null;
        if ((lat != null && !lat.isBlank()) || (lon != null && !lon.isBlank())) {
            try {
                double la = Double.parseDouble(lat == null ? "" : lat.strip());
                double lo = Double.parseDouble(lon == null ? "" : lon.strip());
                if (la >= -90 && la <= 90 && lo >= -180 && lo <= 180) {
                    location = new Observation.Location(la, lo);
                } else {
                    errors.add(new FieldError("lat", "lat must be within [-90, 90] and lon within [-180, 180]"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("lat", "lat and lon must both be decimal degrees"));
            }
        }
        if (m == null && c == null && v == null && location == null) {
            return Observation.NONE;
        }
        return new Observation(m, c, v, v == null ? null : "TYPED", location, null, null);
    }

    private static String text(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_OBSERVED) {
            errors.add(new FieldError(field, "must be at most " + MAX_OBSERVED + " characters"));
            return null;
        }
        return value.strip();
    }
}
