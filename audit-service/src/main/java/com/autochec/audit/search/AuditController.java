package com.autochec.audit.search;

import com.autochec.audit.config.AuditProperties;
import com.autochec.audit.checkpoint.ChainVerifier;
import com.autochec.audit.log.AuditEntry;
import com.autochec.platform.problem.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin audit API: search and chain verification. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditSearch search;
    private final ChainVerifier verifier;
    private final AuditProperties properties;

    AuditController(AuditSearch search, ChainVerifier verifier, AuditProperties properties) {
        this.search = search;
        this.verifier = verifier;
        this.properties = properties;
    }

    static final int MAX_EXPORT_ROWS = 100_000;

    /**
     * Admin search: by plate, user (username), organisation, purpose, verdict, action and period; newest first,
     * paginated.
     */
    @GetMapping
    AuditPage search(
            @RequestParam(required = false) String plate,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return search.search(AuditFilter.parse(plate, from, to, username, organisation, purpose, verdict, action, page,
                size, properties.maxPageSize()));
    }

    /** The same search as CSV (at most 100,000 rows, newest first), safe to open in a spreadsheet. */
    @GetMapping(path = "/export")
    void export(
            @RequestParam(required = false) String plate,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String verdict,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String limit,
            HttpServletResponse response) throws IOException {
        AuditFilter filter = AuditFilter.parse(plate, from, to, username, organisation, purpose, verdict, action, null,
                null, properties.maxPageSize());
        int rows = 10_000;
        if (limit != null && !limit.isBlank()) {
            try {
                rows = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                rows = -1;
            }
            if (rows < 1 || rows > MAX_EXPORT_ROWS) {
                throw ApiProblem.validation("limit", "must be an integer between 1 and " + MAX_EXPORT_ROWS);
            }
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("autochec-audit.csv").build().toString());
        Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        CsvExport.header(writer);
        try (Stream<AuditEntry> entries = search.export(filter, rows)) {
            for (AuditEntry entry : (Iterable<AuditEntry>) entries::iterator) {
                CsvExport.row(writer, entry);
            }
        }
        writer.flush();
    }

    /** The chain, from its oldest kept entry, against the latest signed checkpoint (file or Kafka). */
    @GetMapping("/verify")
    VerifyResponse verify() {
        return VerifyResponse.of(verifier.verify());
    }
}
