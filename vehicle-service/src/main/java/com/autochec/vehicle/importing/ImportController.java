package com.autochec.vehicle.importing;

import com.autochec.vehicle.config.VehicleProperties;
import com.autochec.platform.problem.ApiProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/vehicles/import}: admin only; body {@code text/csv} or multipart part {@code file}. */
@RestController
@RequestMapping("/api/vehicles/import")
@PreAuthorize("hasRole('admin')")
class ImportController {

    private final VehicleImporter importer;
    private final long maxBytes;

    ImportController(VehicleImporter importer, VehicleProperties properties) {
        this.importer = importer;
        this.maxBytes = properties.importMaxSize().toBytes();
    }

    @PostMapping(consumes = "text/csv")
    ImportReport importCsv(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        return importer.importCsv(decode(readLimited(request.getInputStream())));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportReport importFile(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.getSize() > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = file.getInputStream()) {
            return importer.importCsv(decode(readLimited(in)));
        }
    }

    private byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > maxBytes) {
                throw tooLarge();
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CsvFileException("file", "the file is not valid UTF-8 text");
        }
    }

    private ApiProblem tooLarge() {
        return ApiProblem.payloadTooLarge("The CSV file is larger than " + maxBytes + " bytes");
    }
}
