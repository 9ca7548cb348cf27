package com.autochec.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A degraded photo of a registration certificate (carte grise) uploaded through the gateway is read
 * by the OCR worker: its VIN, plate and holder come back on the document.
 */
class DocumentUploadE2ETest {

    @Test
    void aDegradedRegistrationCertificateYieldsItsVinPlateAndHolder() throws IOException {
        Properties truth = new Properties();
        byte[] photo;
        try (InputStream values = getClass().getResourceAsStream("/e2e/carte-grise-degraded.properties");
                InputStream image = getClass().getResourceAsStream("/e2e/carte-grise-degraded.jpg")) {
            truth.load(values);
            photo = image.readAllBytes();
        }

        HttpResponse<String> created = Stack.postFile(
                "/api/documents?type=REGISTRATION&vin=" + truth.getProperty("VIN"),
                "file", "carte-grise.jpg", "image/jpeg", photo, "admin");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Stack.json(created).path("id").asString();

        JsonNode document = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Stack.json(Stack.get("/api/documents/" + id, "admin")),
                        doc -> doc.path("extraction").path("fields").isArray());

        assertThat(field(document, "VIN")).as(document.toString()).isEqualTo(truth.getProperty("VIN"));
        assertThat(field(document, "PLATE").replaceAll("[^A-Z0-9]", "")).isEqualTo(truth.getProperty("PLATE"));
        assertThat(field(document, "HOLDER_NAME")).isEqualTo(truth.getProperty("HOLDER_NAME"));
    }

    private static String field(JsonNode document, String name) {
        return document.path("extraction").path("fields").values().stream()
                .filter(field -> name.equals(field.path("name").asString()))
                .map(field -> field.path("value").asString())
                .findFirst()
                .orElse("<missing " + name + ">");
    }
}
