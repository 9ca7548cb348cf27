package com.autochec.document.upload;

import com.autochec.document.document.StatedPurposes;
import com.autochec.platform.security.Caller;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The uploaded file of a document, streamed from the object store, for whoever may see the document
 * (staff, or the owner of its vehicle; anyone else gets the same 404 as for a missing document).
 */
@RestController
@RequestMapping("/api/documents")
class FileController {

    private final DocumentFiles files;

    FileController(DocumentFiles files) {
        this.files = files;
    }

    @GetMapping("/{id}/file")
    ResponseEntity<InputStreamResource> file(@PathVariable String id,
            @RequestParam(required = false) String purpose, @RequestParam(required = false) String purposeText,
            Caller caller) {
        DocumentFiles.Download file = files.download(caller, id, StatedPurposes.of(caller, purpose, purposeText));
        String extension = ImageType.ofMediaType(file.contentType()).map(ImageType::extension).orElse("");
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .eTag("\"" + file.sha256() + "\"")
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("document-" + id + extension).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(file.content()));
    }
}
