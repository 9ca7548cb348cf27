package com.autochec.report.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.autochec.platform.objectstore.ObjectStore;
import com.autochec.report.config.ReportProperties;
import com.autochec.report.config.SecurityConfig;
import com.autochec.report.signing.PdfSignatureVerifier;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest({VerificationPageController.class, ReportController.class})
@Import(SecurityConfig.class)
@EnableConfigurationProperties(ReportProperties.class)
class VerificationPageControllerTest {

    /** What a phone browser sends when it opens the QR code's link. */
    private static final String BROWSER_ACCEPT =
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
    private static final String SHA256 = "a".repeat(64);

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

    private final Report report = new Report("r-1", "c-1", "AB-123-CD", "WARNING", Checks.AGENT_SUBJECT, "agent",
            "Police nationale (démo)", Instant.parse("2025-05-12T22:30:00Z"), Instant.parse("2025-05-12T22:30:01Z"),
            SHA256, "c0ffee", "reports/r-1.pdf", 1234);

    @BeforeEach
    void reports() {
        given(reports.findById("r-1")).willReturn(Optional.of(report));
        given(reports.findById("r-unknown")).willReturn(Optional.empty());
    }

    @Test
    void aBrowserGetsAFrenchPageSayingTheReportIsGenuine() throws Exception {
        String html = mvc.perform(get("/verify/r-1").header(HttpHeaders.ACCEPT, BROWSER_ACCEPT))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().encoding("UTF-8"))
                .andReturn().getResponse().getContentAsString();

        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"fr\">")
                .contains("name=\"viewport\"")
                .contains("Rapport authentique")
                .contains("À vérifier")
                .contains("AB-1**-*D")
                .contains(SHA256)
                // 22:30:01Z is 00:30 on the 13th in Paris
                .contains("13/05/2025 à 00:30")
                .doesNotContain("AB-123-CD", "WARNING", "Police", Checks.AGENT_SUBJECT, "c-1\"")
                .doesNotContain("<link", "<script", "src=", "http://", "https://");
        assertThat(html.split("<h1", -1)).hasSize(2);
    }

    @Test
    void aJsonClientGetsTheSameFactsAndNoPersonData() throws Exception {
        mvc.perform(get("/verify/r-1").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.reportId").value("r-1"))
                .andExpect(jsonPath("$.genuine").value(true))
                .andExpect(jsonPath("$.issuedAt").value("2025-05-12T22:30:01Z"))
                .andExpect(jsonPath("$.verdict").value("WARNING"))
                .andExpect(jsonPath("$.verdictText").value("À vérifier"))
                .andExpect(jsonPath("$.maskedPlate").value("AB-1**-*D"))
                .andExpect(jsonPath("$.sha256").value(SHA256))
                .andExpect(jsonPath("$.plate").doesNotExist())
                .andExpect(jsonPath("$.checkId").doesNotExist())
                .andExpect(jsonPath("$.requesterSubject").doesNotExist())
                .andExpect(jsonPath("$.organisation").doesNotExist());
    }

    @Test
    void anUnknownReportIsA404PageSayingSoForBrowsers() throws Exception {
        mvc.perform(get("/verify/r-unknown").header(HttpHeaders.ACCEPT, BROWSER_ACCEPT))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("<html lang=\"fr\">")))
                .andExpect(content().string(containsString("Rapport inconnu")))
                .andExpect(content().string(not(containsString("Rapport authentique"))));
    }

    @Test
    void anUnknownReportIsA404ProblemForJsonClients() throws Exception {
        mvc.perform(get("/verify/r-unknown").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://autochec.dev/problems/not-found"));
    }

    @Test
    void everyValueOnThePageIsEscaped() throws Exception {
        String hostile = "<img src=x onerror=alert(1)>\"'&";
        given(reports.findById(hostile)).willReturn(Optional.empty());

        mvc.perform(get("/verify/{id}", hostile).header(HttpHeaders.ACCEPT, BROWSER_ACCEPT))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("<img"))))
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;")));
    }

    @Test
    void aBrowserFollowingAnOldQrCodeIsSentToThePage() throws Exception {
        mvc.perform(get("/api/reports/r-1/verification").header(HttpHeaders.ACCEPT, BROWSER_ACCEPT))
                .andExpect(status().isSeeOther())
                .andExpect(header().string(HttpHeaders.LOCATION, "/verify/r-1"));
        mvc.perform(get("/api/reports/r-1/verification").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reportId").value("r-1"));
    }

    @Test
    void theMaskKeepsTheFirstThreeAndTheLastCharacters() {
        assertThat(PublicVerification.maskPlate("AB-123-CD")).isEqualTo("AB-1**-*D");
        assertThat(PublicVerification.maskPlate("123 ABC 75")).isEqualTo("123 *** *5");
        assertThat(PublicVerification.maskPlate("W-1")).isEqualTo("W-*");
        assertThat(PublicVerification.maskPlate(null)).isEqualTo("—");
    }

    @Test
    void everyVerdictIsTranslated() {
        assertThat(PublicVerification.verdictText("OK")).isEqualTo("Conforme");
        assertThat(PublicVerification.verdictText("WARNING")).isEqualTo("À vérifier");
        assertThat(PublicVerification.verdictText("FAIL")).isEqualTo("Non conforme");
        assertThat(PublicVerification.verdictText("UNREADABLE")).isEqualTo("Plaque illisible");
        assertThat(PublicVerification.verdictText("SOMETHING_NEW")).isEqualTo("Non précisé");
    }
}
