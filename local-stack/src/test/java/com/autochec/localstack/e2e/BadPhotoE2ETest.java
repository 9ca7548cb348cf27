package com.autochec.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Hostile photos through the gateway: each gets a clear 4xx or a failed reading, and the OCR worker
 * keeps reading the next good photo.
 */
class BadPhotoE2ETest {

    @Test
    void aPdfRenamedJpgIsAnUnsupportedMediaTypeProblem() {
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> response = Stack.postFile("/api/checks", "photo", "plate.jpg", "image/jpeg", pdf, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
        assertThat(Stack.contentType(response)).startsWith("application/problem+json");
    }

    @Test
    void aThirtyMegabyteUploadIsAPayloadTooLargeProblem() {
        byte[] huge = new byte[30 * 1024 * 1024];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        HttpResponse<String> response = Stack.postFile("/api/checks", "photo", "huge.jpg", "image/jpeg", huge, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(Stack.contentType(response)).startsWith("application/problem+json");
    }

    @Test
    void aCorruptJpegAndADecompressionBombCompleteUnreadableAndTheWorkerKeepsReading() throws IOException {
        byte[] realJpeg = PhotoCheckE2ETest.renderedPlate("AB-123-CD");
        byte[] corrupt = Arrays.copyOf(realJpeg, realJpeg.length / 3);
        String corruptId = accepted(corrupt, "image/jpeg");
        String bombId = accepted(pngDeclaring(50_000, 50_000), "image/png");

        for (String id : new String[] {corruptId, bombId}) {
            JsonNode check = completed(id);
            assertThat(check.path("verdict").asString()).as(check.toString()).isEqualTo("UNREADABLE");
        }

        JsonNode good = completed(accepted(realJpeg, "image/jpeg"));
        assertThat(good.path("plate").asString()).as(good.toString()).isEqualTo("AB-123-CD");
        assertThat(good.path("verdict").asString()).isEqualTo("OK");
    }

    private static String accepted(byte[] image, String contentType) {
        HttpResponse<String> response = Stack.postFile("/api/checks", "photo", "photo", contentType, image, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Stack.json(response).path("id").asString();
    }

    private static JsonNode completed(String id) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Stack.json(Stack.get("/api/checks/" + id, null)),
                        check -> "COMPLETED".equals(check.path("status").asString()));
    }

    /** A tiny, valid PNG header whose IHDR declares width × height pixels (a decompression bomb's signature). */
    static byte[] pngDeclaring(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
