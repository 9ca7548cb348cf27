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

/** An agent's check produces a signed PDF report and an audit entry only an admin may list. */
class ReportAndAuditE2ETest {

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
