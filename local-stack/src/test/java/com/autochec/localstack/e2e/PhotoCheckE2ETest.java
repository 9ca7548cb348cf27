package com.autochec.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.ArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A photo check: upload → 202 → OCR through Kafka → the check completes with a reading. */
class PhotoCheckE2ETest {

    @Test
    void aPhotoCheckIsAcceptedThenCompletesWithTheRightReading() throws IOException {
        Photo photo = photo();
        HttpResponse<String> accepted = Stack.postFile("/api/checks?purpose=ROADSIDE_CONTROL", "photo",
                "plate.jpg", "image/jpeg", photo.bytes(), "agent");

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = Stack.json(accepted).path("id").asString();
        assertThat(id).isNotBlank();

        JsonNode completed = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Stack.json(Stack.get("/api/checks/" + id, "agent")),
                        check -> List.of("COMPLETED", "NEEDS_CONFIRMATION").contains(check.path("status").asString()));
        if ("NEEDS_CONFIRMATION".equals(completed.path("status").asString())) {
            // an uncertain reading: the agent confirms the plate they see, and the check completes
            HttpResponse<String> confirmed = Stack.postJson("/api/checks/" + id + "/confirm",
                    "{\"plate\":\"" + photo.plate() + "\"}", "agent");
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            completed = Stack.json(confirmed);
            assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
        }
        String read = completed.path("reading").path("text").asString();
        assertThat(read.replaceAll("[^A-Z0-9]", "")).as(completed.toString()).isEqualTo(photo.plate());
        assertThat(completed.path("reading").path("engine").asString()).isNotBlank();
    }

    /**
     * The body colour estimated around the plate on the photo is compared with the registry's: the blue AB-123-CD
     * on a blue body raises nothing, on a grey body an ATTRIBUTES_COLOUR_MISMATCH (WARNING) — for an anonymous
     * caller too, who never learns more than the registry's public colour (and records no sighting).
     */
    @Test
    void thePhotosBodyColourIsComparedWithTheRegistry() throws IOException {
        JsonNode blue = anonymousPhotoCheck(renderedPlate("AB-123-CD", BLUE_BODY));
        assertThat(codes(blue)).as(blue.toString()).doesNotContain("ATTRIBUTES_COLOUR_MISMATCH");

        JsonNode grey = anonymousPhotoCheck(renderedPlate("AB-123-CD", GREY_BODY));
        assertThat(grey.path("verdict").asString()).as(grey.toString()).isEqualTo("WARNING");
        JsonNode mismatch = null;
        for (JsonNode reason : grey.path("reasons")) {
            if ("ATTRIBUTES_COLOUR_MISMATCH".equals(reason.path("code").asString())) {
                mismatch = reason;
            }
        }
        assertThat(mismatch).as(grey.toString()).isNotNull();
        // nothing was typed as observed: the colour compared is the photo's estimate
        assertThat(mismatch.path("evidence").path("observed").asString()).isEqualToIgnoringCase("gris");
        assertThat(mismatch.path("evidence").path("registered").asString()).isEqualToIgnoringCase("bleu");
    }

    private static JsonNode anonymousPhotoCheck(byte[] photo) {
        HttpResponse<String> accepted = Stack.postFile("/api/checks", "photo", "plate.jpg", "image/jpeg", photo, null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = Stack.json(accepted).path("id").asString();
        JsonNode check = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Stack.json(Stack.get("/api/checks/" + id, null)),
                        c -> "COMPLETED".equals(c.path("status").asString()));
        assertThat(check.path("plate").asString()).as(check.toString()).isEqualTo("AB-123-CD");
        return check;
    }

    private static List<String> codes(JsonNode check) {
        List<String> codes = new ArrayList<>();
        check.path("reasons").forEach(reason -> codes.add(reason.path("code").asString()));
        return codes;
    }

    /**
     * The check's progress as server-sent events through the gateway, unbuffered: each step, in order, and the
     * last one carrying the check; a client connecting after the end gets the whole story at once.
     */
    @Test
    void aPhotoCheckExplainsItselfAsServerSentEventsThroughTheGateway() throws Exception {
        Photo photo = photo();
        HttpResponse<String> accepted = Stack.postFile("/api/checks?purpose=ROADSIDE_CONTROL", "photo",
                "plate.jpg", "image/jpeg", photo.bytes(), "agent");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = Stack.json(accepted).path("id").asString();

        List<String> live = events(id, Duration.ofSeconds(60), true);
        assertThat(live).first().isEqualTo("RECEIVED");
        assertThat(live).containsSubsequence("RECEIVED", "READING", "VERIFYING");
        String last = live.get(live.size() - 1);
        assertThat(last).isIn("COMPLETED", "NEEDS_CONFIRMATION", "FAILED");
        if (last.equals("NEEDS_CONFIRMATION")) {
            HttpResponse<String> confirmed =
                    Stack.postJson("/api/checks/" + id + "/confirm", "{\"plate\":\"" + photo.plate() + "\"}", "agent");
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        }
        // the replay of a confirmed check passes NEEDS_CONFIRMATION on its way to the end: read it to the end
        List<String> late = events(id, Duration.ofSeconds(30), false);
        assertThat(late).containsSubsequence("RECEIVED", "READING", "VERIFYING");
        assertThat(late.get(late.size() - 1)).isIn("COMPLETED", "FAILED");
    }

    /**
     * The event names of a check's stream until it ends, or (when {@code stopAtConfirmation}) until
     * NEEDS_CONFIRMATION: the stream stays open then.
     */
    static List<String> events(String id, Duration timeout, boolean stopAtConfirmation) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Stack.BASE_URL + "/api/checks/" + id + "/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + Stack.token("agent"))
                .timeout(timeout)
                .GET()
                .build();
        HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> names = new ArrayList<>();
        try (java.util.stream.Stream<String> lines = response.body()) {
            var it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("event:")) {
                    names.add(line.substring("event:".length()).strip());
                    if (stopAtConfirmation && names.get(names.size() - 1).equals("NEEDS_CONFIRMATION")) {
                        break;
                    }
                }
            }
        }
        return names;
    }

    record Photo(byte[] bytes, String plate) {}

    /**
     * A real photo of the shared dev set (eu7.jpg, its plate from groundtruth.tsv) when the dataset is
     * next to the repo, else a French plate drawn here.
     */
    static Photo photo() throws IOException {
        Path root = Path.of(System.getProperty("autochec.repoRoot", "..")).toAbsolutePath();
        Path dataset = root.resolve("../shared/datasets/plates-eu-dev").normalize();
        Path photo = dataset.resolve("eu7.jpg");
        if (Files.isRegularFile(photo)) {
            String plate = Files.readAllLines(dataset.resolve("groundtruth.tsv")).stream()
                    .map(line -> line.split("\t"))
                    .filter(fields -> fields[0].equals("eu7.jpg"))
                    .map(fields -> fields[5].strip())
                    .findFirst()
                    .orElseThrow();
            return new Photo(Files.readAllBytes(photo), plate);
        }
        return new Photo(renderedPlate("AB-123-CD"), "AB123CD");
    }

    /** The demo's AB-123-CD is a blue Peugeot 208: its drawn body is blue, as the photo's colour estimate expects. */
    static final Color BLUE_BODY = new Color(40, 70, 160);
    static final Color GREY_BODY = new Color(110, 110, 115);

    static byte[] renderedPlate(String text) throws IOException {
        return renderedPlate(text, BLUE_BODY);
    }

    /** A French SIV plate drawn on a car body of the given colour (the area the OCR's colour estimate samples). */
    static byte[] renderedPlate(String text, Color body) throws IOException {
        BufferedImage image = new BufferedImage(800, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(body);
        g.fillRect(0, 0, 800, 400);
        g.setColor(Color.WHITE);
        g.fillRoundRect(100, 140, 600, 130, 16, 16);
        g.setColor(new Color(0, 51, 153));
        g.fillRect(100, 140, 60, 130);
        g.fillRect(640, 140, 60, 130);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(4));
        g.drawRoundRect(100, 140, 600, 130, 16, 16);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 84));
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, 400 - width / 2, 235);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
