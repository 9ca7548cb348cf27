package com.autochec.document.importing;

import com.autochec.document.config.DocumentProperties;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Admin CSV import, as a {@code text/csv} body or a multipart part {@code file}. */
@RestController
@RequestMapping("/api/documents/import")
class ImportController {

    private final DocumentImporter importer;
    private final DocumentProperties properties;

    ImportController(DocumentImporter importer, DocumentProperties properties) {
        this.importer = importer;
        this.properties = properties;
    }

    @PostMapping(consumes = {"text/csv", "text/plain"})
    ImportReport importCsv(HttpServletRequest request, Caller caller) throws IOException {
        return importer.importCsv(readBounded(request.getInputStream()), caller);
    }

    @PostMapping(consumes = "multipart/form-data")
    ImportReport importMultipart(@RequestPart("file") MultipartFile file, Caller caller)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return importer.importCsv(readBounded(in), caller);
        }
    }

    private String readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, properties.maxImportBytes() + 1));
        if (bytes.length > properties.maxImportBytes()) {
            throw ApiProblem.payloadTooLarge("The CSV is larger than " + properties.maxImportBytes() + " bytes.");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
