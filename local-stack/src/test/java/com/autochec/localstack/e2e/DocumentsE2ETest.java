package com.autochec.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The documents workflow through the gateway, as a new user would try it: the owner of AB-123-CD uploads a degraded
 * insurance certificate (PENDING, its policy number and dates read, no mismatch); the same file filed for their
 * other car is flagged; the admin finds it in the pending queue and validates it with confirmed dates, which the
 * next check shows; and the demo's expiring insurance of IJ-234-KL gave the owner one 30-day notification and one
 * e-mail, which a second scan does not repeat.
 */
class DocumentsE2ETest {

    static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

    @Test
    void anInsuranceCertificateGoesFromUploadToAConfirmedValidityTheCheckShows() throws Exception {
        String policy = "7" + (100000 + new Random().nextInt(899999)) + "B2";
        LocalDate from = TODAY.minusDays(10);
        LocalDate until = from.plusYears(1).minusDays(1);
        byte[] photo = insuranceCertificate("MAIF", policy, "MARTIN ODILE", "AB-123-CD", from, until);

        // the owner of AB-123-CD uploads it: PENDING, then read
        HttpResponse<String> created = Stack.postFile("/api/documents?type=INSURANCE&plate=AB-123-CD", "file",
                "attestation.jpg", "image/jpeg", photo, "owner");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode uploaded = Stack.json(created);
        assertThat(uploaded.path("status").asString()).isEqualTo("PENDING");
        assertThat(uploaded.path("validUntil").isMissingNode() || uploaded.path("validUntil").isNull()).isTrue();
        String id = uploaded.path("id").asString();
        JsonNode read = awaitReading(id);
        assertThat(field(read, "POLICY_NUMBER")).as(read.toString()).isEqualTo(policy);
        assertThat(field(read, "VALID_FROM")).isEqualTo(from.toString());
        assertThat(field(read, "VALID_UNTIL")).isEqualTo(until.toString());
        assertThat(read.path("flags").size()).as(read.toString()).isZero();
        assertThat(read.path("status").asString()).isEqualTo("PENDING");
        assertThat(read.path("proposal").path("validUntil").asString()).isEqualTo(until.toString());

        // the same file filed for the owner's other vehicle: flagged
        HttpResponse<String> other = Stack.postFile("/api/documents?type=INSURANCE&plate=IJ-234-KL", "file",
                "attestation.jpg", "image/jpeg", photo, "owner");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
        JsonNode mismatched = awaitReading(Stack.json(other).path("id").asString());
        assertThat(mismatched.path("flags").toString()).as(mismatched.toString()).contains("PLATE_MISMATCH");

        // bad uploads are 4xx problems
        HttpResponse<String> renamed = Stack.postFile("/api/documents?type=INSURANCE&plate=AB-123-CD", "file",
                "attestation.pdf", "application/pdf", photo, "owner");
        assertThat(renamed.statusCode()).isEqualTo(415);
        assertThat(Stack.contentType(renamed)).startsWith("application/problem+json");
        HttpResponse<String> empty = Stack.postFile("/api/documents?type=INSURANCE&plate=AB-123-CD", "file",
                "empty.jpg", "image/jpeg", new byte[0], "owner");
        assertThat(empty.statusCode()).isEqualTo(400);

        // the admin finds it in the pending queue (oldest first: it is on a later page)
        JsonNode queued = findInPendingQueue(id);
        assertThat(queued.path("fileUrl").asString()).isEqualTo("/api/documents/" + id + "/file");
        assertThat(Stack.get("/api/documents?status=PENDING", "agent").statusCode()).isEqualTo(403);

        // validation without dates is refused; with the confirmed (here corrected) dates it counts
        assertThat(Stack.postJson("/api/documents/" + id + "/validate", "{}", "admin").statusCode()).isEqualTo(400);
        LocalDate confirmedUntil = TODAY.plusYears(1).plusDays(30);
        HttpResponse<String> validated = Stack.postJson("/api/documents/" + id + "/validate",
                "{\"validFrom\":\"" + from + "\",\"validUntil\":\"" + confirmedUntil + "\",\"reference\":\"" + policy + "\"}",
                "admin");
        assertThat(validated.statusCode()).as(validated.body()).isEqualTo(200);
        assertThat(Stack.json(validated).path("status").asString()).isEqualTo("VALIDATED");
        assertThat(Stack.json(validated).path("validUntil").asString()).isEqualTo(confirmedUntil.toString());

        // the owner sees the outcome
        JsonNode mine = Stack.json(Stack.get("/api/documents/" + id, "owner"));
        assertThat(mine.path("status").asString()).isEqualTo("VALIDATED");
        assertThat(Stack.get("/api/me/notifications?size=100", "owner").body()).contains(id);

        // the next typed check reflects the confirmed dates
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            HttpResponse<String> check = Stack.postJson("/api/checks",
                    "{\"plate\":\"AB-123-CD\",\"purpose\":\"ROADSIDE_CONTROL\"}", "agent");
            assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
            assertThat(check.body()).contains(confirmedUntil.toString());
        });
    }

    @Test
    void theDemoOwnerHasOneThirtyDayAlertForIj234klAndOneEmail() throws Exception {
        JsonNode alert = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> expiryAlerts("IJ-234-KL"), list -> !list.isEmpty()).get(0);
        assertThat(alert.path("id").asString()).endsWith("_30");
        assertThat(alert.path("titleFr").asString()).startsWith("Votre assurance expire dans");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .until(() -> mailsAbout("IJ-234-KL"), n -> n >= 1);

        // a second scan sends nothing more
        HttpResponse<String> scan = Stack.postJson("/api/notifications/expiry-scan", "{}", "admin");
        assertThat(scan.statusCode()).as(scan.body()).isEqualTo(200);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> mailsAbout("IJ-234-KL") == 1);
        assertThat(expiryAlerts("IJ-234-KL")).hasSize(1);

        // mark it read
        HttpResponse<String> marked = Stack.postJson("/api/me/notifications/" + alert.path("id").asString() + "/read",
                "{}", "owner");
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
        assertThat(Stack.json(marked).path("read").asBoolean()).isTrue();
    }

    private static List<JsonNode> expiryAlerts(String plate) {
        HttpResponse<String> response = Stack.get("/api/me/notifications?size=100", "owner");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode n : Stack.json(response).path("items")) {
            if ("EXPIRY_ALERT".equals(n.path("kind").asString()) && plate.equals(n.path("plate").asString())) found.add(n);
        }
        return found;
    }

    /** E-mails about the plate in the demo owner's mailbox on the local mail server (IMAP). */
    private static int mailsAbout(String plate) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        Store store = Session.getInstance(props).getStore("imap");
        String address = System.getProperty("autochec.ownerEmail", "owner@autochec.local");
        try {
            store.connect("127.0.0.1", Integer.getInteger("autochec.imapPort", 3143), address, address);
        } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
            return 0;
        }
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int count = 0;
            for (Message m : inbox.getMessages()) {
                if (m.getSubject() != null && m.getSubject().contains(plate) && m.getSubject().startsWith("Votre assurance")) {
                    count++;
                }
            }
            inbox.close(false);
            return count;
        } finally {
            store.close();
        }
    }

    private static JsonNode awaitReading(String id) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Stack.json(Stack.get("/api/documents/" + id, "owner")),
                        doc -> doc.path("extraction").path("fields").isArray());
    }

    private static JsonNode findInPendingQueue(String id) {
        for (int page = 0; page < 100; page++) {
            HttpResponse<String> response = Stack.get("/api/documents?status=PENDING&size=100&page=" + page, "admin");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = Stack.json(response);
            for (JsonNode item : body.path("items")) {
                if (id.equals(item.path("id").asString())) return item;
            }
            if (!body.path("hasNext").asBoolean()) break;
        }
        throw new AssertionError("document " + id + " is not in the pending queue");
    }

    private static String field(JsonNode document, String name) {
        for (JsonNode field : document.path("extraction").path("fields")) {
            if (name.equals(field.path("name").asString())) return field.path("value").asString();
        }
        return "<missing " + name + ">";
    }

    /** An insurance certificate like the insurers' (ocr-worker's generator's layout), photographed: tilted, noisy, JPEG. */
    static byte[] insuranceCertificate(String insurer, String policy, String holder, String plate, LocalDate from,
            LocalDate until) throws Exception {
        BufferedImage page = new BufferedImage(1240, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(236, 248, 232));
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("ATTESTATION D'ASSURANCE", 300, 70);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
        g.drawString("Véhicule terrestre à moteur", 420, 115);
        g.setStroke(new BasicStroke(2));
        g.drawRect(40, 150, 1160, 780);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 34));
        int y = 220;
        String[][] lines = {
            {"Assureur :", insurer},
            {"N° de contrat :", policy},
            {"Souscripteur :", holder},
            {"Immatriculation :", plate},
            {"Marque :", "PEUGEOT"},
            {"Période de validité :", "du " + from.format(FR) + " au " + until.format(FR)}
        };
        for (String[] line : lines) {
            g.drawString(line[0] + " " + line[1], 80, y);
            y += 75;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        g.drawString("Cette attestation ne constitue qu'une présomption d'application des garanties.", 80, y + 45);
        g.dispose();

        // degrade: a slight tilt, noise, a lossy JPEG
        BufferedImage photo = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D p = photo.createGraphics();
        p.setColor(new Color(200, 200, 200));
        p.fillRect(0, 0, photo.getWidth(), photo.getHeight());
        p.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        p.rotate(Math.toRadians(0.8), photo.getWidth() / 2.0, photo.getHeight() / 2.0);
        p.drawImage(page, 0, 0, null);
        p.dispose();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int x = random.nextInt(photo.getWidth());
            int yy = random.nextInt(photo.getHeight());
            int v = 90 + random.nextInt(120);
            photo.setRGB(x, yy, new Color(v, v, v).getRGB());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.7f);
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(photo, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
