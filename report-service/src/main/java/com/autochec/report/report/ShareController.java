package com.autochec.report.report;

import com.autochec.contracts.audit.AuditAction;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import com.autochec.report.config.ReportProperties;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Share links (owner): {@code POST/GET /api/reports/{id}/shares}, {@code DELETE /api/reports/{id}/shares/{token}};
 * and what a link opens, without login: {@code GET /verify/shared/{token}} (page or JSON) and
 * {@code GET /verify/shared/{token}/pdf} (the signed PDF, {@code ?lang=en}).
 */
@RestController
class ShareController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final ReportShares shares;
    private final ReportController reports;
    private final ReportProperties properties;

    ShareController(ReportShares shares, ReportController reports, ReportProperties properties) {
        this.shares = shares;
        this.reports = reports;
        this.properties = properties;
    }

    /** {@code days}: 1 to 30, 7 when absent. */
    record ShareRequest(Integer days) {}

    @PostMapping(path = "/api/reports/{reportId}/shares")
    ResponseEntity<ReportShares.Created> create(@PathVariable String reportId,
            @RequestBody(required = false) ShareRequest request, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(shares.create(reportId, request == null ? null : request.days(), caller));
    }

    @GetMapping("/api/reports/{reportId}/shares")
    List<ReportShares.Listed> list(@PathVariable String reportId, Caller caller) {
        return shares.list(reportId, caller);
    }

    @DeleteMapping("/api/reports/{reportId}/shares/{token}")
    ResponseEntity<Void> revoke(@PathVariable String reportId, @PathVariable String token, Caller caller) {
        shares.revoke(reportId, token, caller);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/verify/shared/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token) {
        return shares.open(token, AuditAction.REPORT_OPENED)
                .map(report -> ResponseEntity.ok().contentType(HTML).body(VerificationPage.shared(
                        PublicVerification.of(report, properties.zone()), "/verify/shared/" + token + "/pdf")))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(HTML)
                        .body(VerificationPage.shareClosed()));
    }

    @GetMapping(path = "/verify/shared/{token}", produces = MediaType.APPLICATION_JSON_VALUE)
    PublicVerification json(@PathVariable String token) {
        return shares.open(token, AuditAction.REPORT_OPENED)
                .map(report -> PublicVerification.of(report, properties.zone()))
                .orElseThrow(() -> ApiProblem.notFound("This share link is unknown, expired or revoked."));
    }

    @GetMapping("/verify/shared/{token}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String token, @RequestParam(required = false) String lang) {
        ReportLanguage language = ReportController.language(lang);
        Report report = shares.open(token, AuditAction.REPORT_DOWNLOADED)
                .orElseThrow(() -> ApiProblem.notFound("This share link is unknown, expired or revoked."));
        return reports.pdfResponse(report, language);
    }
}
