package com.autochec.report.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Fills the check-report template, compiled once when the renderer is created, and exports it as PDF.
 * Thread-safe: a compiled {@link JasperReport} may be filled concurrently.
 */
@Component
class ReportRenderer {

    static final String TEMPLATE = "reports/check-report.jrxml";

    private final JasperReport template;

    ReportRenderer() {
        try (InputStream jrxml = new ClassPathResource(TEMPLATE).getInputStream()) {
            this.template = JasperCompileManager.compileReport(jrxml);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + TEMPLATE, e);
        } catch (JRException e) {
            throw new IllegalStateException("Cannot compile " + TEMPLATE, e);
        }
    }

    /** The unsigned PDF of one report. */
    byte[] render(ReportContent content, String verificationUrl) {
        return render(content, verificationUrl, null);
    }

    /** The unsigned PDF of one report, with the evidence photo of a photo check when there is one. */
    byte[] render(ReportContent content, String verificationUrl, java.awt.image.BufferedImage photo) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("photo", photo);
        parameters.put("hasPhoto", photo != null);
        parameters.put("plate", content.plate());
        parameters.put("checkedAt", content.checkedAt());
        parameters.put("requester", content.requester());
        parameters.put("purpose", content.purpose());
        parameters.put("source", content.source());
        parameters.put("checkId", content.checkId());
        parameters.put("verdictText", content.verdictText());
        parameters.put("verdictOk", "OK".equals(content.verdict()));
        parameters.put("verdictWarning", "WARNING".equals(content.verdict()));
        parameters.put("verdictFail", "FAIL".equals(content.verdict()));
        parameters.put("verdictOther", !List.of("OK", "WARNING", "FAIL").contains(content.verdict()));
        parameters.put("make", content.make());
        parameters.put("model", content.model());
        parameters.put("year", content.year());
        parameters.put("colour", content.colour());
        parameters.put("fuel", content.fuel());
        parameters.put("vin", content.vin());
        parameters.put("ownerName", content.ownerName());
        parameters.put("ownerTown", content.ownerTown());
        parameters.put("documentsText", content.documentsText());
        parameters.put("readingText", content.readingText());
        ReportLanguage lang = content.language();
        parameters.put("noReasonsText", content.rows().isEmpty()
                ? (lang.french() ? "Aucune anomalie relevée." : "No anomaly found.") : null);
        for (int i = 0; i < lang.labels().size(); i++) {
            parameters.put("L" + i, lang.labels().get(i));
        }
        parameters.put("place", content.place());
        parameters.put("pageLabel", lang.french() ? "Page" : "Page");
        parameters.put(net.sf.jasperreports.engine.JRParameter.REPORT_LOCALE, lang.locale());
        parameters.put("qrCode", QrCodes.encode(verificationUrl));
        parameters.put("verificationUrl", verificationUrl);
        parameters.put("reportId", content.reportId());
        parameters.put("contentSha256", content.contentSha256());
        parameters.put("generatedAt", content.generatedAt());

        List<Map<String, ?>> rows = content.rows().stream()
                .<Map<String, ?>>map(row -> Map.of("severity", row.severity(), "code", row.code(), "message", row.message()))
                .toList();
        try {
            JasperPrint print = JasperFillManager.fillReport(template, parameters, new JRMapCollectionDataSource(rows));
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
            configuration.setMetadataTitle(content.language().labels().get(0) + " " + content.plate());
            configuration.setMetadataAuthor("Autochec");
            configuration.setMetadataCreator("Autochec report-service");
            exporter.setConfiguration(configuration);
            exporter.exportReport();
            return out.toByteArray();
        } catch (JRException e) {
            throw new ReportRenderingException("Cannot render the report of check " + content.checkId(), e);
        }
    }

    static final class ReportRenderingException extends RuntimeException {
        ReportRenderingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
