package com.autochec.ocr.testing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images made in the test: a photo-like scene with a plate, and the hostile inputs the worker must refuse. */
public final class TestImages {

    private TestImages() {}

    /** A 640x480 scene with a white plate at (190, 300) size 260x60 showing {@code text}. */
    public static BufferedImage plateScene(String text) {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(70, 80, 95));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(40, 40, 45));
        g.fillRoundRect(100, 200, 440, 200, 30, 30);
        g.setColor(Color.WHITE);
        g.fillRect(190, 300, 260, 60);
        g.setColor(new Color(0, 51, 153));
        g.fillRect(190, 300, 22, 60);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(2));
        g.drawRect(190, 300, 260, 60);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 40));
        int w = g.getFontMetrics().stringWidth(text);
        g.drawString(text, 212 + (238 - w) / 2, 346);
        g.dispose();
        return img;
    }

    /**
     * A photo of a riveted VIN plate: brushed-metal grey with a gradient and noise, the VIN stamped in dark
     * capitals (with a make line above it), turned by {@code degrees}, on a darker body.
     */
    public static BufferedImage vinPlate(String vin, double degrees, long seed) {
        java.util.Random random = new java.util.Random(seed);
        BufferedImage img = new BufferedImage(900, 360, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(new Color(55, 58, 62));
        g.fillRect(0, 0, 900, 360);
        g.rotate(Math.toRadians(degrees), 450, 180);
        g.setPaint(new java.awt.GradientPaint(60, 60, new Color(200, 202, 205), 840, 300, new Color(160, 163, 168)));
        g.fillRoundRect(60, 60, 780, 240, 20, 20);
        for (int i = 0; i < 400; i++) {
            int y = 62 + random.nextInt(236);
            int shade = 150 + random.nextInt(70);
            g.setColor(new Color(shade, shade, shade + 3, 60));
            g.drawLine(62, y, 838, y);
        }
        g.setColor(new Color(90, 90, 95));
        g.fillOval(75, 75, 14, 14);
        g.fillOval(811, 271, 14, 14);
        g.setColor(new Color(25, 25, 30));
        g.setFont(new Font("DejaVu Sans", Font.PLAIN, 30));
        g.drawString("RENAULT S.A.S.", 110, 130);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 44));
        g.drawString(vin, 110, 210);
        g.dispose();
        for (int i = 0; i < 6000; i++) {
            int x = random.nextInt(900);
            int y = random.nextInt(360);
            int v = random.nextInt(256);
            img.setRGB(x, y, new Color(v, v, v).getRGB());
        }
        return img;
    }

    public static byte[] jpeg(BufferedImage img) {
        return encode(img, "jpg");
    }

    public static byte[] png(BufferedImage img) {
        return encode(img, "png");
    }

    private static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG whose headers are intact and whose entropy-coded data is garbage. */
    public static byte[] corruptJpeg() {
        byte[] good = jpeg(plateScene("AB-123-CD"));
        byte[] bad = Arrays.copyOf(good, good.length);
        int sos = 0;
        for (int i = 2; i + 1 < bad.length; i++) {
            if ((bad[i] & 0xFF) == 0xFF && (bad[i + 1] & 0xFF) == 0xDA) {
                sos = i;
                break;
            }
        }
        for (int i = sos + 20; i < bad.length - 2; i++) {
            bad[i] = (byte) ((i * 7) & 0x7F);
        }
        return Arrays.copyOf(bad, Math.min(bad.length, sos + 400));
    }

    /** A small, valid-looking PNG whose header declares width x height pixels (a decompression bomb). */
    public static byte[] pngDeclaring(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A PDF document, as a user might upload with a .jpg name. */
    public static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code size} bytes starting like a JPEG. */
    public static byte[] oversized(int size) {
        byte[] b = new byte[size];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xD8;
        b[2] = (byte) 0xFF;
        return b;
    }
}
