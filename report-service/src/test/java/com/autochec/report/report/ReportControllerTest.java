package com.autochec.report.report;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.platform.objectstore.ObjectStore;
import com.autochec.report.config.ReportProperties;
import com.autochec.report.config.SecurityConfig;
import com.autochec.report.signing.PdfSignatureVerifier;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ReportController.class)
@Import(SecurityConfig.class)
@EnableConfigurationProperties(ReportProperties.class)
class ReportControllerTest {

    private static final String OTHER_AGENT = "00000000-0000-4000-8000-000000000099";
    private static final String OWNER = "00000000-0000-4000-8000-000000000003";
    private static final byte[] PDF = "%PDF-1.7 signed report".getBytes(StandardCharsets.US_ASCII);
    private static final String PDF_SHA256 = ReportContent.sha256(PDF);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReportRepository reports;

    @MockitoBean
    PdfSignatureVerifier verifier;

    @MockitoBean
    ObjectStore objects;

    @MockitoBean
    ReportIssuer issuer;

    private final Report report = new Report("r-1", "c-1", "AB-123-CD", "FAIL", Checks.AGENT_SUBJECT, "agent",
            "Police nationale (démo)", Instant.parse("2025-05-12T22:30:00Z"), Instant.parse("2025-05-12T22:30:01Z"),
            PDF_SHA256, "c0ffee", "reports/r-1.pdf", PDF.length);

    @BeforeEach
    void reports() {
        given(objects.get("reports/r-1.pdf")).willAnswer(call -> Optional.of(new ObjectStore.StoredObject(
                "reports/r-1.pdf", "application/pdf", PDF.length, Instant.EPOCH, new ByteArrayInputStream(PDF))));
        given(reports.findByCheckId("c-1")).willReturn(Optional.of(report));
        given(reports.findByCheckId("c-unknown")).willReturn(Optional.empty());
        given(reports.findById("r-1")).willReturn(Optional.of(report));
        given(reports.findById("r-unknown")).willReturn(Optional.empty());
        given(reports.findFirstBySha256(PDF_SHA256)).willReturn(Optional.of(report));
        given(reports.findFirstBySha256(any())).willAnswer(call ->
                PDF_SHA256.equals(call.getArgument(0)) ? Optional.of(report) : Optional.empty());
    }

    private static JwtRequestPostProcessor token(String subject, String role) {
        return jwt().jwt(j -> j.subject(subject).claim("roles", List.of(role)).claim("preferred_username", role))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Test
    void anonymousDownloadIsA401Problem() throws Exception {
        mvc.perform(get("/api/checks/c-1/report"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unauthorized"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void theRequestingAgentDownloadsThePdf() throws Exception {
        mvc.perform(get("/api/checks/c-1/report").with(token(Checks.AGENT_SUBJECT, "agent")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF))
                // requested at 22:30Z = 00:30 on the 13th in Paris
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"autochec-AB-123-CD-2025-05-13.pdf\""))
                .andExpect(content().bytes(PDF));
    }

    @Test
    void anAdminDownloadsAnyReport() throws Exception {
        mvc.perform(get("/api/checks/c-1/report").with(token(Checks.ADMIN_SUBJECT, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
    }

    @Test
    void anotherAgentGetsA404ProblemAsIfTheCheckHadNoReport() throws Exception {
        mvc.perform(get("/api/checks/c-1/report").with(token(OTHER_AGENT, "agent")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("No report exists (yet) for check c-1."));
    }

    @Test
    void anOwnerGetsA404Problem() throws Exception {
        mvc.perform(get("/api/checks/c-1/report").with(token(OWNER, "owner")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/not-found"));
    }

    @Test
    void aReportNotGeneratedYetIsA404Problem() throws Exception {
        mvc.perform(get("/api/checks/c-unknown/report").with(token(Checks.AGENT_SUBJECT, "agent")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/not-found"));
    }

    @Test
    void verificationIsPublicAndCarriesNoPersonalData() throws Exception {
        mvc.perform(get("/api/reports/r-1/verification"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reportId").value("r-1"))
                .andExpect(jsonPath("$.checkId").value("c-1"))
                .andExpect(jsonPath("$.plate").value("AB-1**-*D"))
                .andExpect(jsonPath("$.verdict").value("FAIL"))
                .andExpect(jsonPath("$.createdAt").value("2025-05-12T22:30:01Z"))
                .andExpect(jsonPath("$.sha256").value(PDF_SHA256))
                .andExpect(jsonPath("$.signed").value(true))
                .andExpect(jsonPath("$.requesterSubject").doesNotExist())
                .andExpect(jsonPath("$.organisation").doesNotExist())
                .andExpect(jsonPath("$.pdf").doesNotExist());
    }

    @Test
    void verificationOfAnUnknownReportIsA404Problem() throws Exception {
        mvc.perform(get("/api/reports/r-unknown/verification"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/not-found"));
    }

    @Test
    void anIssuedAndValidlySignedPdfIsAuthentic() throws Exception {
        given(verifier.verify(PDF)).willReturn(new PdfSignatureVerifier.Result(true, true, true, true));

        mvc.perform(multipart("/api/reports/verify").file(new MockMultipartFile("file", "r.pdf", "application/pdf", PDF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authentic").value(true))
                .andExpect(jsonPath("$.issued").value(true))
                .andExpect(jsonPath("$.signatureValid").value(true))
                .andExpect(jsonPath("$.signedByAutochec").value(true))
                .andExpect(jsonPath("$.sha256").value(PDF_SHA256))
                .andExpect(jsonPath("$.result").value("GENUINE"))
                .andExpect(jsonPath("$.report.reportId").value("r-1"))
                .andExpect(jsonPath("$.report.maskedPlate").value("AB-1**-*D"));
    }

    @Test
    void aPdfSignedByUsWhoseBytesChangedIsAltered() throws Exception {
        byte[] changed = "%PDF-1.7 one byte changed".getBytes(StandardCharsets.US_ASCII);
        given(verifier.verify(changed)).willReturn(new PdfSignatureVerifier.Result(true, false, true, true));

        mvc.perform(multipart("/api/reports/verify").file(new MockMultipartFile("file", "x.pdf", "application/pdf", changed)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("ALTERED"))
                .andExpect(jsonPath("$.authentic").value(false));
    }

    @Test
    void aBrowserUploadingThroughTheFormGetsAFrenchPage() throws Exception {
        byte[] other = "%PDF-1.7 not ours".getBytes(StandardCharsets.US_ASCII);
        given(verifier.verify(other)).willReturn(new PdfSignatureVerifier.Result(false, false, false, false));

        mvc.perform(multipart("/api/reports/verify").file(new MockMultipartFile("file", "x.pdf", "application/pdf", other))
                        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith("text/html"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Fichier inconnu")));
    }

    @Test
    void aPdfWeDidNotIssueIsNotAuthenticEvenIfSigned() throws Exception {
        byte[] other = "%PDF-1.7 something else".getBytes(StandardCharsets.US_ASCII);
        given(verifier.verify(other)).willReturn(new PdfSignatureVerifier.Result(true, true, false, true));

        mvc.perform(multipart("/api/reports/verify").file(new MockMultipartFile("file", "x.pdf", "application/pdf", other)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authentic").value(false))
                .andExpect(jsonPath("$.issued").value(false))
                .andExpect(jsonPath("$.signedByAutochec").value(false))
                .andExpect(jsonPath("$.result").value("UNKNOWN"))
                .andExpect(jsonPath("$.report").isEmpty());
    }

    @Test
    void aFileThatIsNotAPdfIsA415Problem() throws Exception {
        mvc.perform(multipart("/api/reports/verify")
                        .file(new MockMultipartFile("file", "x.png", "application/pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G'})))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/unsupported-media-type"));
    }

    @Test
    void anUnreadablePdfIsA400Problem() throws Exception {
        byte[] broken = "%PDF-garbage".getBytes(StandardCharsets.US_ASCII);
        given(verifier.verify(broken)).willThrow(new PdfSignatureVerifier.UnreadablePdfException(new RuntimeException()));

        mvc.perform(multipart("/api/reports/verify").file(new MockMultipartFile("file", "x.pdf", "application/pdf", broken)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/malformed-request"));
    }

    @Test
    void aMissingFileIsA400ValidationProblem() throws Exception {
        mvc.perform(multipart("/api/reports/verify").file(new MockMultipartFile("other", "x.pdf", "application/pdf", PDF)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void aFileOver5MbIsA413Problem() throws Exception {
        byte[] big = new byte[(int) ReportController.MAX_UPLOAD_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);

        mvc.perform(multipart("/api/reports/verify").file(new MockMultipartFile("file", "big.pdf", "application/pdf", big)))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/payload-too-large"));
    }

    @Test
    void aWrongMethodOnTheVerifyEndpointIsA405Problem() throws Exception {
        mvc.perform(get("/api/reports/verify"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnknownPathIsA404ProblemNotA500() throws Exception {
        mvc.perform(get("/api/reports").with(token(Checks.AGENT_SUBJECT, "agent")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("https://autochec.dev/problems/not-found")));
    }
}
