package com.autochec.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An agent's check produces a PAdES-signed PDF report (pdfsig, when installed, says so), whose QR page opens in a
 * browser and whose upload is genuine, altered after one changed byte; an audit entry only an admin may list; a
 * chain that verifies; statistics for admins only; the owner sees who consulted their vehicle.
 */
class ReportAndAuditE2ETest {

    private static final java.net.http.HttpClient BROWSER = java.net.http.HttpClient.newHttpClient();

    @Test
    void theReportIsPadesSignedItsPageOpensInABrowserAndOneChangedByteIsAltered() throws Exception {
        String id = agentCheck();
        HttpResponse<byte[]> report = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Stack.getBytes("/api/checks/" + id + "/report", "agent"),
                        response -> response.statusCode() == 200);
        byte[] pdf = report.body();
        String reportId = report.headers().firstValue("X-Report-Id").orElseThrow();

        if (pdfsigInstalled()) {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".pdf");
            java.nio.file.Files.write(file, pdf);
            Process pdfsig = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true).start();
            String output = new String(pdfsig.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            pdfsig.waitFor();
            assertThat(output).contains("ETSI.CAdES.detached").contains("Signature is Valid");
        }

        // the QR code's URL, opened by a phone's browser
        HttpResponse<String> page = BROWSER.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(Stack.BASE_URL + "/verify/" + reportId))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Rapport authentique").contains("AB-1**-*D").doesNotContain("AB-123-CD");

        HttpResponse<String> genuine = Stack.postFile("/api/reports/verify", "file", "r.pdf", "application/pdf", pdf,
                null);
        assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(200);
        assertThat(Stack.json(genuine).path("result").asString()).isEqualTo("GENUINE");

        byte[] changed = pdf.clone();
        int at = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("/Creator");
        changed[at + 1] = 'c';
        HttpResponse<String> altered = Stack.postFile("/api/reports/verify", "file", "r.pdf", "application/pdf",
                changed, null);
        assertThat(altered.statusCode()).as(altered.body()).isEqualTo(200);
        assertThat(Stack.json(altered).path("result").asString()).isEqualTo("ALTERED");
    }

    @Test
    void theChainVerifiesStatisticsAreForAdminsAndTheOwnerSeesWhoConsulted() {
        agentCheck();

        HttpResponse<String> verify = Stack.get("/api/audit/verify", "admin");
        assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
        assertThat(Stack.json(verify).path("valid").asBoolean()).as(verify.body()).isTrue();

        HttpResponse<String> statistics = Stack.get("/api/statistics", "admin");
        assertThat(statistics.statusCode()).as(statistics.body()).isEqualTo(200);
        assertThat(Stack.json(statistics).path("days").size()).isEqualTo(1);
        HttpResponse<String> asAgent = Stack.get("/api/statistics", "agent");
        assertThat(asAgent.statusCode()).as(asAgent.body()).isEqualTo(403);

        JsonNode mine = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Stack.json(Stack.get("/api/audit/my-vehicles", "owner")),
                        body -> body.toString().contains("AB-123-CD") && body.toString().contains("\"role\":\"agent\""));
        assertThat(mine.toString()).doesNotContain("\"username\"")
                .containsAnyOf("Police nationale (démo)", "forces de l'ordre");
    }

    private static boolean pdfsigInstalled() {
        try {
            Process process = new ProcessBuilder("pdfsig", "-v").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void anAgentsCheckGetsAPdfReportWithThePlate() {
        String id = agentCheck();

        HttpResponse<byte[]> report = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Stack.getBytes("/api/checks/" + id + "/report", "agent"),
                        response -> response.statusCode() == 200);
        assertThat(Stack.contentType(report)).startsWith("application/pdf");
        assertThat(pdfText(report.body())).contains("AB-123-CD");
    }

    @Test
    void theAuditLogListsChecksForAnAdminOnly() {
        agentCheck();

        List<JsonNode> entries = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    HttpResponse<String> response = Stack.get("/api/audit?plate=AB-123-CD", "admin");
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    return Stack.entries(Stack.json(response));
                }, list -> list.stream().anyMatch(e -> "agent".equals(e.path("actor").path("username").asString())));
        JsonNode agentEntry = entries.stream()
                .filter(e -> "agent".equals(e.path("actor").path("username").asString())).findFirst().orElseThrow();
        assertThat(agentEntry.path("plate").asString()).isEqualTo("AB-123-CD");
        assertThat(agentEntry.path("verdict").asString()).isEqualTo("OK");
        assertThat(agentEntry.path("actor").path("role").asString()).isEqualTo("agent");
        assertThat(agentEntry.path("actor").path("organisation").asString()).isEqualTo("Police nationale (démo)");

        HttpResponse<String> asAgent = Stack.get("/api/audit?plate=AB-123-CD", "agent");
        assertThat(asAgent.statusCode()).as(asAgent.body()).isEqualTo(403);
        assertThat(Stack.contentType(asAgent)).startsWith("application/problem+json");
    }

    private static String agentCheck() {
        HttpResponse<String> response = Stack.postJson("/api/checks",
                "{\"plate\":\"AB-123-CD\",\"purpose\":\"ROADSIDE_CONTROL\"}", "agent");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stack.json(response).path("id").asString();
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a readable PDF", e);
        }
    }
}
