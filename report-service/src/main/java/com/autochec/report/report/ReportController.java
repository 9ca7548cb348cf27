package com.autochec.report.report;

import com.autochec.platform.objectstore.ObjectStore;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import com.autochec.report.config.ReportProperties;
import com.autochec.report.signing.PdfSignatureVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Download of a check's report (its requester or an admin), its public authenticity page, and the public
 * check of an uploaded PDF.
 */
@RestController
class ReportController {

    static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024;
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final ReportRepository reports;
    private final ObjectStore objects;
    private final PdfSignatureVerifier verifier;
    private final ReportProperties properties;
    private final ReportIssuer issuer;

    ReportController(ReportRepository reports, ObjectStore objects, PdfSignatureVerifier verifier,
            ReportProperties properties, ReportIssuer issuer) {
        this.issuer = issuer;
        this.reports = reports;
        this.objects = objects;
        this.verifier = verifier;
        this.properties = properties;
    }

    /**
     * The signed report of a check, for whoever made the check (an agent, or an owner checking their own vehicle)
     * and admins; in French, or in English with {@code ?lang=en} (printed and signed on first request). Anyone else
     * gets the same 404 as for a check without a report: whether someone else's check exists is not told (as
     * verification-service answers for the check itself).
     */
    @GetMapping("/api/checks/{checkId}/report")
    ResponseEntity<byte[]> download(@PathVariable String checkId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String lang, Caller caller) {
        ReportLanguage language = language(lang);
        Report report = reports.findByCheckId(checkId)
                .filter(found -> caller.isAdmin()
                        || (caller.subject() != null && caller.subject().equals(found.requesterSubject())))
                .orElseThrow(() -> ApiProblem.notFound("No report exists (yet) for check " + checkId + "."));
        return pdfResponse(report, language);
    }

    static ReportLanguage language(String lang) {
        try {
            return ReportLanguage.parse(lang);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation("lang", "must be fr or en");
        }
    }

    /** The PDF of a report in a language, as an attachment. */
    ResponseEntity<byte[]> pdfResponse(Report report, ReportLanguage language) {
        byte[] pdf;
        String sha256;
        if (language == ReportLanguage.EN) {
            pdf = issuer.english(report);
            if (pdf == null) {
                throw ApiProblem.notFound("This report was issued before English reports existed: French only.");
            }
            sha256 = ReportContent.sha256(pdf);
        } else {
            pdf = pdf(report);
            sha256 = report.sha256();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(report, language))
                        .build()
                        .toString())
                .header("X-Report-Id", report.id())
                .eTag('"' + sha256 + '"')
                .body(pdf);
    }

    @GetMapping("/api/reports/{reportId}/verification")
    ReportVerification verification(@PathVariable String reportId) {
        return reports.findById(reportId)
                .map(ReportVerification::of)
                .orElseThrow(() -> ApiProblem.notFound("Autochec issued no report " + reportId + "."));
    }

    /**
     * Checks an uploaded PDF: JSON for API clients; a page for browsers (the verification page's upload form, no
     * script: their {@code Accept} lists {@code text/html}).
     */
    @PostMapping(path = "/api/reports/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> verify(@RequestPart(name = "file", required = false) MultipartFile file,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return ResponseEntity.ok(check(file));
        }
        MediaType html = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
        try {
            return ResponseEntity.ok().contentType(html).body(VerificationPage.uploaded(check(file)));
        } catch (ApiProblem problem) {
            return ResponseEntity.status(problem.status()).contentType(html)
                    .body(VerificationPage.uploadRejected(problem.getMessage()));
        }
    }

    private PdfVerification check(MultipartFile file) {
        if (file == null || file.isEmpty()) { // the platform answers a missing part as malformed-request
            throw ApiProblem.validation("file", "is required");
        }
        if (file.getSize() > MAX_UPLOAD_BYTES) {
            throw ApiProblem.payloadTooLarge("Uploads are limited to 5 MB.");
        }
        byte[] pdf = bytes(file);
        if (pdf.length < PDF_MAGIC.length || !Arrays.equals(pdf, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            throw ApiProblem.unsupportedMediaType("The file is not a PDF document.");
        }
        PdfSignatureVerifier.Result signature;
        try {
            signature = verifier.verify(pdf);
        } catch (PdfSignatureVerifier.UnreadablePdfException e) {
            throw ApiProblem.malformed("The file starts like a PDF but cannot be read.");
        }
        String sha256 = ReportContent.sha256(pdf);
        Report issued = reports.findFirstBySha256(sha256).or(() -> reports.findFirstBySha256En(sha256)).orElse(null);
        return PdfVerification.of(signature, sha256, issued, properties.zone());
    }

    byte[] pdf(Report report) {
        if (report.pdfKey() == null) {
            throw new IllegalStateException("Report " + report.id() + " has no stored file");
        }
        try (ObjectStore.StoredObject object = objects.get(report.pdfKey())
                .orElseThrow(() -> new IllegalStateException("The file of report " + report.id() + " is missing"))) {
            return object.readAllBytes();
        }
    }

    private String fileName(Report report, ReportLanguage language) {
        Instant when = report.requestedAt() != null ? report.requestedAt() : report.createdAt();
        String plate = report.plate() == null ? "sans-plaque" : report.plate().replaceAll("[^A-Za-z0-9-]", "");
        return "autochec-" + plate + "-" + DateTimeFormatter.ISO_LOCAL_DATE.format(when.atZone(properties.zone()))
                + (language == ReportLanguage.EN ? "-en" : "") + ".pdf";
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
