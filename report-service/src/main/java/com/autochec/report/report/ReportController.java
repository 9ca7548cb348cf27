package com.autochec.report.report;

import com.autochec.report.config.Problems;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
    private final PdfSignatureVerifier verifier;
    private final ReportProperties properties;

    ReportController(ReportRepository reports, PdfSignatureVerifier verifier, ReportProperties properties) {
        this.reports = reports;
        this.verifier = verifier;
        this.properties = properties;
    }

    @GetMapping("/api/checks/{checkId}/report")
    ResponseEntity<byte[]> download(
            @PathVariable String checkId, @AuthenticationPrincipal Jwt jwt, Authentication authentication) {
        Report report = reports.findByCheckId(checkId)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "not-found", "Report not found",
                        "No report exists (yet) for check " + checkId + "."));
        boolean admin = authentication.getAuthorities().stream().anyMatch(a -> "ROLE_admin".equals(a.getAuthority()));
        boolean requester = jwt != null && jwt.getSubject() != null && jwt.getSubject().equals(report.requesterSubject());
        if (!admin && !requester) {
            throw problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only the agent who made the check, or an admin, may download its report.");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(report))
                        .build()
                        .toString())
                .header("X-Report-Id", report.id())
                .eTag('"' + report.sha256() + '"')
                .body(report.pdf());
    }

    @GetMapping("/api/reports/{reportId}/verification")
    ReportVerification verification(@PathVariable String reportId) {
        return reports.findById(reportId)
                .map(ReportVerification::of)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "not-found", "Report not found",
                        "Autochec issued no report " + reportId + "."));
    }

    @PostMapping(path = "/api/reports/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PdfVerification verify(@RequestPart("file") MultipartFile file) {
        if (file.getSize() > MAX_UPLOAD_BYTES) {
            throw problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "Uploads are limited to 5 MB.");
        }
        byte[] pdf = bytes(file);
        if (pdf.length < PDF_MAGIC.length || !Arrays.equals(pdf, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            throw problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Not a PDF",
                    "The file is not a PDF document.");
        }
        PdfSignatureVerifier.Result signature;
        try {
            signature = verifier.verify(pdf);
        } catch (PdfSignatureVerifier.UnreadablePdfException e) {
            throw problem(HttpStatus.BAD_REQUEST, "malformed-request", "Unreadable PDF",
                    "The file starts like a PDF but cannot be read.");
        }
        String sha256 = ReportContent.sha256(pdf);
        ReportVerification issued = reports.findFirstBySha256(sha256).map(ReportVerification::of).orElse(null);
        return new PdfVerification(
                issued != null && signature.trustworthy(),
                issued != null,
                signature.signed(),
                signature.valid(),
                signature.byUs(),
                signature.coversWholeFile(),
                sha256,
                issued);
    }

    private String fileName(Report report) {
        Instant when = report.requestedAt() != null ? report.requestedAt() : report.createdAt();
        String plate = report.plate() == null ? "sans-plaque" : report.plate().replaceAll("[^A-Za-z0-9-]", "");
        return "autochec-" + plate + "-" + DateTimeFormatter.ISO_LOCAL_DATE.format(when.atZone(properties.zone()))
                + ".pdf";
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String slug, String title, String detail) {
        return new ErrorResponseException(status, Problems.of(status, slug, title, detail), null);
    }
}
