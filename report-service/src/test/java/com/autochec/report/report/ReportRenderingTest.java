package com.autochec.report.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.contracts.check.CheckCompleted;
import com.autochec.report.config.ReportProperties;
import com.autochec.report.signing.PdfSignatureVerifier;
import com.autochec.report.signing.PdfSigner;
import com.autochec.report.signing.SigningKeys;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders and signs a report from a CheckCompleted, then reads it back as any PDF reader would. */
class ReportRenderingTest {

    private static final Logger log = LoggerFactory.getLogger(ReportRenderingTest.class);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-12T12:03:05Z"), ZoneOffset.UTC);
    private static final ReportProperties PROPERTIES = new ReportProperties("https://autochec.example",
            ZoneId.of("Europe/Paris"), new ReportProperties.Signing("", "pw", "alias", "CN=test"), null);
    private static final String URL = PROPERTIES.verificationUrl("r-1");

    private static ReportRenderer renderer;
    private static SigningKeys keys;
    private static PdfSigner signer;

    @BeforeAll
    static void compileTemplateAndCreateKey() {
        renderer = new ReportRenderer();
        keys = SigningKeys.generate("CN=Autochec test", CLOCK);
        signer = new PdfSigner(keys, CLOCK);
    }

    private static byte[] signedReport(CheckCompleted check) {
        ReportContent content = ReportContent.of(check, "r-1", CLOCK.instant(), ZoneId.of("Europe/Paris"));
        return signer.sign(renderer.render(content, URL), "Rapport " + check.plate());
    }

    @Test
    void reportShowsPlateVerdictReasonsVehicleAndAccentedFrench() throws Exception {
        byte[] pdf = signedReport(Checks.agentCheck("c-1"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Autochec — rapport de contrôle")
                    .contains("AB-123-CD")
                    .contains("NON CONFORME (FAIL)")
                    .contains("L'assurance a expiré le 01/03/2025.")
                    .contains("Le contrôle technique arrive à échéance dans 12 jours.")
                    .contains("INSURANCE_EXPIRED")
                    .contains("Renault")
                    .contains("VF1RFB00X56123456")
                    .contains("Odile Martin")
                    .contains("Besançon")
                    .contains("agent (agent) — Police nationale (démo)")
                    .contains("Contrôle routier")
                    .contains("12/05/2025 à 14:03:00")
                    .contains("Assurance : NON VALIDE — échéance 01/03/2025")
                    .contains("Lecture « AB-123-CD », confiance 93 %")
                    .contains("r-1");
        }
    }

    @Test
    void englishOnRequestWithPlacePurposeLabelAndPageNumbers() throws Exception {
        CheckCompleted base = Checks.agentCheck("c-en");
        CheckCompleted check = new CheckCompleted(base.eventId(), base.occurredAt(), base.checkId(), base.requestedAt(),
                base.source(), base.plate(), base.verdict(), base.reasons(), base.requester(), "ROADSIDE_CONTROL",
                base.vehicle(), base.documents(), base.reading());
        ReportContent fr = ReportContent.of(check, "r-1", CLOCK.instant(), ZoneId.of("Europe/Paris"));
        ReportContent en = ReportContent.of(check, "r-1", CLOCK.instant(), ZoneId.of("Europe/Paris"),
                ReportLanguage.EN);

        try (PDDocument document = Loader.loadPDF(signer.sign(renderer.render(fr, URL), "r"))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Lieu").contains("non renseigné").contains("Contrôle routier")
                    .contains("Page 1 / 1").doesNotContain("ROADSIDE_CONTROL");
        }
        try (PDDocument document = Loader.loadPDF(signer.sign(renderer.render(en, URL), "r"))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Autochec — check report").contains("Place").contains("not stated")
                    .contains("Roadside control").contains("NOT COMPLIANT (FAIL)").contains("Registration")
                    .doesNotContain("Immatriculation");
        }
        assertThat(en.contentSha256()).isNotEqualTo(fr.contentSha256());
    }

    @Test
    void theStatedPlaceIsPrintedAsCoordinates() throws Exception {
        CheckCompleted base = Checks.agentCheck("c-place");
        CheckCompleted check = new CheckCompleted(base.eventId(), base.occurredAt(), base.checkId(), base.requestedAt(),
                base.source(), base.plate(), base.verdict(), base.reasons(), base.requester(), "ROADSIDE_CONTROL",
                base.vehicle(), base.documents(), base.reading(), null, new CheckCompleted.Location(48.8566, 2.3522));
        ReportContent content = ReportContent.of(check, "r-1", CLOCK.instant(), ZoneId.of("Europe/Paris"));

        try (PDDocument document = Loader.loadPDF(signer.sign(renderer.render(content, URL), "r"))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Lieu").contains("48.85660, 2.35220").doesNotContain("non renseigné");
        }
    }

    @Test
    void aPhotoCheckPrintsItsEvidencePhotoBesideTheReading() throws Exception {
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(320, 90,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        ReportContent content = ReportContent.of(Checks.agentCheck("c-photo"), "r-1", CLOCK.instant(),
                ZoneId.of("Europe/Paris"));

        try (PDDocument withPhoto = Loader.loadPDF(renderer.render(content, URL, photo));
                PDDocument without = Loader.loadPDF(renderer.render(content, URL))) {
            assertThat(images(withPhoto.getPage(0))).hasSize(2); // the QR code and the photo
            assertThat(images(without.getPage(0))).hasSize(1);
        }
    }

    @Test
    void signatureIsADetachedCmsThatVerifiesOverTheSignedByteRange() throws Exception {
        byte[] pdf = signedReport(Checks.agentCheck("c-2"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertThat(signature).isNotNull();
            assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            int[] range = signature.getByteRange();
            assertThat((long) range[2] + range[3]).isEqualTo(pdf.length);

            CMSSignedData cms = new CMSSignedData(
                    new CMSProcessableByteArray(signature.getSignedContent(pdf)), signature.getContents(pdf));
            SignerInformation signerInfo = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            X509CertificateHolder certificate =
                    (X509CertificateHolder) cms.getCertificates().getMatches(signerInfo.getSID()).iterator().next();
            assertThat(signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
            // PAdES baseline: ESS signing-certificate-v2 with the certificate's SHA-256, no signing-time
            var signingCertificate = signerInfo.getSignedAttributes()
                    .get(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            assertThat(signingCertificate).isNotNull();
            var certId = org.bouncycastle.asn1.ess.SigningCertificateV2
                    .getInstance(signingCertificate.getAttrValues().getObjectAt(0)).getCerts()[0];
            assertThat(certId.getCertHash()).isEqualTo(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getEncoded()));
            assertThat(signerInfo.getSignedAttributes().get(org.bouncycastle.asn1.cms.CMSAttributes.signingTime))
                    .isNull();
            X509Certificate ours = keys.certificate();
            assertThat(certificate.getEncoded()).isEqualTo(ours.getEncoded());
        }
        assertThat(new PdfSignatureVerifier(keys).verify(pdf).trustworthy()).isTrue();
    }

    @Test
    void pdfsigReportsAValidPadesSignatureAndAnInvalidOneAfterOneChangedByte(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(PdfsigCli.available(), "pdfsig (poppler-utils) is not installed");
        byte[] pdf = signedReport(Checks.agentCheck("c-pdfsig"));

        String output = PdfsigCli.run(dir, "signed.pdf", pdf);
        assertThat(output).contains("ETSI.CAdES.detached").contains("Signature is Valid");

        byte[] tampered = pdf.clone();
        int at = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("/Creator");
        tampered[at + 1] = 'c';
        assertThat(PdfsigCli.run(dir, "tampered.pdf", tampered)).doesNotContain("Signature is Valid");
    }

    @Test
    void alteringASignedReportBreaksItsSignature() {
        byte[] pdf = signedReport(Checks.agentCheck("c-3"));
        String asText = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = asText.indexOf("/Creator");
        assertThat(at).isPositive();
        byte[] tampered = pdf.clone();
        tampered[at + 1] = 'c'; // inside the signed range

        PdfSignatureVerifier.Result result = new PdfSignatureVerifier(keys).verify(tampered);
        assertThat(result.signed()).isTrue();
        assertThat(result.valid()).isFalse();
        assertThat(result.byUs()).as("still our signature: the upload check answers ALTERED, not UNKNOWN").isTrue();
    }

    @Test
    void aSignatureByAnotherKeyIsValidButNotOurs() {
        byte[] pdf = signedReport(Checks.agentCheck("c-4"));
        SigningKeys otherKeys = SigningKeys.generate("CN=Someone else", CLOCK);

        PdfSignatureVerifier.Result result = new PdfSignatureVerifier(otherKeys).verify(pdf);
        assertThat(result.valid()).isTrue();
        assertThat(result.byUs()).isFalse();
        assertThat(result.trustworthy()).isFalse();
    }

    @Test
    void qrCodeDecodesToTheVerificationPageUrl() throws Exception {
        byte[] pdf = signedReport(Checks.agentCheck("c-5"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<BufferedImage> images = images(document.getPage(0));
            assertThat(images).isNotEmpty();
            BufferedImage qr = images.get(0);
            int[] pixels = qr.getRGB(0, 0, qr.getWidth(), qr.getHeight(), null, 0, qr.getWidth());
            LuminanceSource source = new RGBLuminanceSource(qr.getWidth(), qr.getHeight(), pixels);
            Result decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
            assertThat(decoded.getText()).isEqualTo("https://autochec.example/verify/r-1");
        }
    }

    @Test
    void ruleMessagesArePrintedInFrenchWhenTheEventCarriesThem() throws Exception {
        CheckCompleted base = Checks.agentCheck("c-7");
        CheckCompleted check = new CheckCompleted(base.eventId(), base.occurredAt(), base.checkId(), base.requestedAt(),
                base.source(), base.plate(), base.verdict(),
                List.of(new CheckCompleted.Reason("INSURANCE_EXPIRED", "FAIL", "Insurance expired on 2025-03-01.",
                                "L'assurance a expiré le 01/03/2025."),
                        new CheckCompleted.Reason("STOLEN", "FAIL", "Reported stolen.", " ")),
                base.requester(), base.purpose(), base.vehicle(), base.documents(), base.reading());

        try (PDDocument document = Loader.loadPDF(signedReport(check))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("L'assurance a expiré le 01/03/2025.")
                    .doesNotContain("Insurance expired on 2025-03-01.")
                    .contains("Reported stolen."); // no French message: the English one rather than nothing
        }
    }

    @Test
    void aCheckSentLateFromTheOfflineQueueShowsWhenItWasObserved() throws Exception {
        CheckCompleted base = Checks.agentCheck("c-late");
        CheckCompleted late = new CheckCompleted(base.eventId(), base.occurredAt(), base.checkId(), base.requestedAt(),
                base.source(), base.plate(), base.verdict(), base.reasons(), base.requester(), base.purpose(),
                base.vehicle(), base.documents(), base.reading(), null, null, Instant.parse("2025-05-11T16:45:00Z"));
        ReportContent fr = ReportContent.of(late, "r-1", CLOCK.instant(), ZoneId.of("Europe/Paris"));
        ReportContent en = ReportContent.of(late, "r-1", CLOCK.instant(), ZoneId.of("Europe/Paris"), ReportLanguage.EN);

        assertThat(fr.checkedAt()).startsWith("Constaté le 11/05/2025 à 18:45:00").contains("envoyé le 12/05/2025 à 14:03:00");
        assertThat(en.checkedAt()).startsWith("Observed on 11/05/2025 at 18:45:00").contains("sent on 12/05/2025");
        try (PDDocument document = Loader.loadPDF(signer.sign(renderer.render(fr, URL), "r"))) {
            assertThat(new PDFTextStripper().getText(document)).contains("Constaté le 11/05/2025");
        }
        assertThat(fr.contentSha256())
                .isNotEqualTo(ReportContent.of(base, "r-1", CLOCK.instant(), ZoneId.of("Europe/Paris")).contentSha256());
    }

    @Test
    void contentHashInTheFooterChangesWithTheContent() {
        Instant now = CLOCK.instant();
        ZoneId zone = ZoneId.of("Europe/Paris");
        ReportContent a = ReportContent.of(Checks.agentCheck("c-6"), "r-6", now, zone);
        ReportContent same = ReportContent.of(Checks.agentCheck("c-6"), "r-6", now, zone);
        ReportContent other = ReportContent.of(
                Checks.check("c-6", Checks.agentCheck("c-6").requester(), "OK"), "r-6", now, zone);

        assertThat(a.contentSha256()).hasSize(64).isEqualTo(same.contentSha256());
        assertThat(other.contentSha256()).isNotEqualTo(a.contentSha256());
    }

    @Test
    void printsTheTimeItTakesToRenderAndSignOneReport() {
        CheckCompleted check = Checks.agentCheck("c-bench");
        for (int i = 0; i < 15; i++) {
            signedReport(check); // warm-up
        }
        int runs = 20;
        long started = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            signedReport(check);
        }
        double msPerReport = (System.nanoTime() - started) / 1_000_000.0 / runs;
        log.info("Report render+sign: {} ms per report (mean of {} runs after warm-up)",
                String.format(java.util.Locale.ROOT, "%.1f", msPerReport), runs);
        System.out.printf(java.util.Locale.ROOT, "REPORT_BENCHMARK ms_per_report=%.1f runs=%d%n", msPerReport, runs);
        assertThat(msPerReport).isPositive();
    }

    static List<BufferedImage> images(PDPage page) throws Exception {
        List<BufferedImage> images = new ArrayList<>();
        PDResources resources = page.getResources();
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                images.add(image.getImage());
            }
        }
        return images;
    }
}
