package com.autochec.document.upload;

import com.autochec.document.config.DocumentProperties;
import com.autochec.document.document.DocumentResponse;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Multipart upload: parts {@code file} (JPEG, PNG or PDF ≤ 10 MB), {@code type} (REGISTRATION, INSURANCE,
 * INSPECTION, TAX), the vehicle's {@code plate}, {@code vin} or {@code vehicleId}, and for agents {@code purpose}
 * (and {@code purposeText} with OTHER).
 */
@RestController
@RequestMapping("/api/documents")
class UploadController {

    private final DocumentUploads uploads;
    private final DocumentProperties properties;

    UploadController(DocumentUploads uploads, DocumentProperties properties) {
        this.uploads = uploads;
        this.properties = properties;
    }

    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<DocumentResponse> upload(
            @RequestPart("file") MultipartFile file,
            @RequestParam(value = "type", required = false) String type,
            @RequestParam(value = "vin", required = false) String vin,
            @RequestParam(value = "plate", required = false) String plate,
            @RequestParam(value = "vehicleId", required = false) String vehicleId,
            @RequestParam(value = "purpose", required = false) String purpose,
            @RequestParam(value = "purposeText", required = false) String purposeText,
            Caller caller)
            throws IOException {
        if (file.getSize() > properties.maxImageBytes()) {
            throw ApiProblem.payloadTooLarge("The image is larger than " + properties.maxImageBytes() + " bytes.");
        }
        var upload = new DocumentUploads.Upload(file.getBytes(), file.getContentType(), file.getOriginalFilename(), type,
                vin, plate, vehicleId, purpose, purposeText);
        DocumentResponse created = uploads.upload(caller, upload);
        return ResponseEntity.created(URI.create("/api/documents/" + created.id())).body(created);
    }
}
