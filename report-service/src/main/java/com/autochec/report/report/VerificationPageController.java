package com.autochec.report.report;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.report.config.ReportProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public page a report's QR code leads to ({@code /verify/{reportId}}): HTML for browsers, JSON for
 * {@code Accept: application/json}. Browsers that follow the QR code of a report issued before this page existed
 * ({@code /api/reports/{id}/verification}) are redirected here.
 */
@RestController
class VerificationPageController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private final ReportRepository reports;
    private final ReportProperties properties;

    VerificationPageController(ReportRepository reports, ReportProperties properties) {
        this.reports = reports;
        this.properties = properties;
    }

    @GetMapping(path = "/verify/{reportId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String reportId) {
        return reports.findById(reportId)
                .map(report -> ResponseEntity.ok()
                        .contentType(HTML)
                        .body(VerificationPage.genuine(PublicVerification.of(report, properties.zone()))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .contentType(HTML)
                        .body(VerificationPage.unknown(reportId)));
    }

    @GetMapping(path = "/verify/{reportId}", produces = MediaType.APPLICATION_JSON_VALUE)
    PublicVerification json(@PathVariable String reportId) {
        return reports.findById(reportId)
                .map(report -> PublicVerification.of(report, properties.zone()))
                .orElseThrow(() -> ApiProblem.notFound("Autochec issued no report " + reportId + "."));
    }

    /** Old QR codes pointed at the JSON endpoint; a browser following one lands on the page. */
    @GetMapping(path = "/api/reports/{reportId}/verification", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Void> legacyQrCode(@PathVariable String reportId) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(UriComponentsBuilder.fromPath("/verify/{id}").buildAndExpand(reportId).encode().toUri())
                .build();
    }
}
