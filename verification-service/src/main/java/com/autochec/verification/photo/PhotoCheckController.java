package com.autochec.verification.photo;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import com.autochec.verification.check.CheckService;
import com.autochec.verification.check.CheckStatus;
import com.autochec.verification.config.VerificationProperties;
import java.io.IOException;
import java.net.URI;
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
 * or WebP by content, at most 10 MB) and an optional {@code purpose}. The photo is kept as evidence
 * in the object store, the check is PENDING until the OCR worker's reading arrives or its reading
 * deadline passes.
 */
@RestController
class PhotoCheckController {

    private static final int MAX_PURPOSE = 200;

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
            @RequestPart("photo") MultipartFile photo,
            @RequestParam(name = "purpose", required = false) String purpose,
            Caller caller)
            throws IOException {
        if (photo.getSize() > maxPhotoBytes) {
            throw ApiProblem.payloadTooLarge("The photo is larger than " + maxPhotoBytes + " bytes.");
        }
        if (photo.isEmpty()) {
            throw ApiProblem.validation("photo", "is empty");
        }
        if (purpose != null && purpose.length() > MAX_PURPOSE) {
            throw ApiProblem.validation("purpose", "must be at most " + MAX_PURPOSE + " characters");
        }
        byte[] data = photo.getBytes();
        String contentType = ImageTypes.detect(data)
                .orElseThrow(() -> ApiProblem.unsupportedMediaType("The photo must be a JPEG, PNG or WebP image."));
        String id = UUID.randomUUID().toString();
        evidence.store(id, contentType, data);
        String cleanPurpose = purpose == null || purpose.isBlank() ? null : purpose.strip();
        checks.startPhotoCheck(id, caller, cleanPurpose, contentType, data.length);
        publisher.publish(id, contentType, data);
        return ResponseEntity.accepted()
                .location(URI.create("/api/checks/" + id))
                .body(new PendingCheck(id, CheckStatus.PENDING));
    }
}
