package com.autochec.report.report;

import com.autochec.contracts.check.CheckCompleted;
import com.autochec.platform.objectstore.ObjectStore;
import com.autochec.report.config.ReportProperties;
import com.autochec.report.signing.PdfSigner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.stereotype.Service;

/**
 * Issues the signed report of a completed check made by an agent or an admin. The PDF goes to the object store
 * first, then the report document (metadata and the object's key) is inserted: a document never points at a file
 * that is not there. Idempotent per check: a redelivered {@link CheckCompleted} finds the report already there (or
 * loses the race on the unique {@code checkId} index, and removes the file it wrote) and changes nothing.
 */
@Service
class ReportIssuer {

    private static final Logger log = LoggerFactory.getLogger(ReportIssuer.class);
    private static final Set<String> REPORTED_ROLES = Set.of("agent", "admin");
    private static final String OWNER = "owner";
    private static final Set<String> UNREPORTED_VERDICTS = Set.of("NOT_FOUND");

    private final ReportRepository reports;
    private final ObjectStore objects;
    private final ReportRenderer renderer;
    private final PdfSigner signer;
    private final ReportProperties properties;
    private final Clock clock;
    private final Timer renderTimer;
    private final JsonMapper json;
    private final MongoTemplate mongo;
    private final EvidencePhotos evidence;

    ReportIssuer(ReportRepository reports, ObjectStore objects, ReportRenderer renderer, PdfSigner signer,
            ReportProperties properties, Clock clock, MeterRegistry meters, JsonMapper json, MongoTemplate mongo,
            EvidencePhotos evidence) {
        this.evidence = evidence;
        this.json = json;
        this.mongo = mongo;
        this.reports = reports;
        this.objects = objects;
        this.renderer = renderer;
        this.signer = signer;
        this.properties = properties;
        this.clock = clock;
        this.renderTimer = Timer.builder("autochec.report.render")
                .description("Time to render and sign one PDF report")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    /**
     * Whether a check gets a report: agent/admin checks that found a vehicle (or could not read the plate), and an
     * owner's check of their own vehicle (the report they may share with a buyer).
     */
    static boolean reportable(CheckCompleted check) {
        return check != null
                && check.checkId() != null
                && !check.checkId().isBlank()
                && check.requester() != null
                && check.requester().subject() != null
                && (REPORTED_ROLES.contains(check.requester().role()) || ownCheckOfOwnVehicle(check))
                && check.verdict() != null
                && !UNREPORTED_VERDICTS.contains(check.verdict());
    }

    private static boolean ownCheckOfOwnVehicle(CheckCompleted check) {
        return OWNER.equals(check.requester().role())
                && check.vehicle() != null
                && check.requester().subject().equals(check.vehicle().ownerAccountId());
    }

    /** The report of this check, issued now if it does not exist yet; empty when the check gets no report. */
    Optional<Report> issue(CheckCompleted check) {
        if (!reportable(check)) {
            return Optional.empty();
        }
        Optional<Report> existing = reports.findByCheckId(check.checkId());
        if (existing.isPresent()) {
            log.debug("Report of check {} already issued", check.checkId());
            return existing;
        }
        String reportId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        ReportContent content = ReportContent.of(check, reportId, now, properties.zone());
        java.awt.image.BufferedImage photo = evidence.photo(check).orElse(null);
        byte[] pdf = renderTimer.record(() -> signer.sign(
                photo == null
                        ? renderer.render(content, properties.verificationUrl(reportId))
                        : renderer.render(content, properties.verificationUrl(reportId), photo),
                "Rapport de contrôle Autochec " + content.plate()));
        String key = Report.pdfKey(reportId);
        objects.put(key, pdf, "application/pdf");
        objects.put(Report.checkKey(reportId), json.writeValueAsBytes(check), "application/json");
        CheckCompleted.Requester requester = check.requester();
        Report report = new Report(reportId, check.checkId(), check.plate(), check.verdict(), requester.subject(),
                requester.role(), requester.organisation(), check.requestedAt(), now, ReportContent.sha256(pdf),
                content.contentSha256(), key, pdf.length,
                check.vehicle() == null ? null : check.vehicle().ownerAccountId(), null, null);
        // Only a lost race removes the file: after any other failure the insert may have been applied, and an
        // unused file is harmless where a report without its file is not.
        try {
            Report saved = reports.insert(report);
            log.info("Issued report {} for check {} ({} bytes)", reportId, check.checkId(), pdf.length);
            return Optional.of(saved);
        } catch (DuplicateKeyException raced) {
            log.debug("Report of check {} issued concurrently", check.checkId());
            removeQuietly(key);
            removeQuietly(Report.checkKey(reportId));
            return reports.findByCheckId(check.checkId());
        }
    }

    /**
     * The report printed in English, signed like the French one: rendered from the kept check on first request,
     * then kept (and recognised by the upload check). Null when the check was not kept (reports issued before).
     */
    byte[] english(Report report) {
        if (report.pdfKeyEn() != null) {
            Optional<byte[]> stored = read(report.pdfKeyEn());
            if (stored.isPresent()) return stored.get();
        }
        Optional<byte[]> kept = read(Report.checkKey(report.id()));
        if (kept.isEmpty()) return null;
        CheckCompleted check = json.readValue(kept.get(), CheckCompleted.class);
        ReportContent content = ReportContent.of(check, report.id(), report.createdAt(), properties.zone(),
                ReportLanguage.EN);
        java.awt.image.BufferedImage photo = evidence.photo(check).orElse(null);
        byte[] pdf = signer.sign(photo == null
                        ? renderer.render(content, properties.verificationUrl(report.id()))
                        : renderer.render(content, properties.verificationUrl(report.id()), photo),
                "Autochec check report " + content.plate());
        String key = Report.pdfKeyEn(report.id());
        objects.put(key, pdf, "application/pdf");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(report.id())),
                new Update().set("pdfKeyEn", key).set("sha256En", ReportContent.sha256(pdf)), Report.class);
        return pdf;
    }

    private Optional<byte[]> read(String key) {
        return objects.get(key).map(object -> {
            try (object) {
                return object.readAllBytes();
            }
        });
    }

    private void removeQuietly(String key) {
        try {
            objects.delete(key);
        } catch (RuntimeException e) {
            log.warn("Could not remove the unused report file {}", key, e);
        }
    }
}
