package com.autochec.ocr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autochec.ocr.testing.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(10L * 1024 * 1024, 40_000_000L);

    @Test
    void decodesAJpegToBgr() {
        try (DecodedImage img = decoder.decode(TestImages.jpeg(TestImages.plateScene("AB-123-CD")), 2000)) {
            assertThat(img.image().cols()).isEqualTo(640);
            assertThat(img.image().rows()).isEqualTo(480);
            assertThat(img.image().channels()).isEqualTo(3);
            assertThat(img.scale()).isEqualTo(1.0);
        }
    }

    @Test
    void scalesLargePhotosDownAndReportsTheScale() {
        try (DecodedImage img = decoder.decode(TestImages.png(TestImages.plateScene("AB-123-CD")), 320)) {
            assertThat(img.image().cols()).isEqualTo(320);
            assertThat(img.image().rows()).isEqualTo(240);
            assertThat(img.scale()).isEqualTo(0.5);
        }
    }

    @Test
    void convertsGreyAndAlphaImagesToThreeChannels() {
        BufferedImage grey = new BufferedImage(50, 30, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage argb = new BufferedImage(50, 30, BufferedImage.TYPE_INT_ARGB);
        try (DecodedImage a = decoder.decode(TestImages.png(grey), 100); DecodedImage b = decoder.decode(TestImages.png(argb), 100)) {
            assertThat(a.image().channels()).isEqualTo(3);
            assertThat(b.image().channels()).isEqualTo(3);
        }
    }

    @Test
    void appliesTheExifOrientation() {
        BufferedImage wide = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = wide.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 10, 20); // white band on the left
        g.dispose();
        byte[] rotated = withExifOrientation(TestImages.jpeg(wide), 6);
        try (DecodedImage img = decoder.decode(rotated, 1000)) {
            // orientation 6: rotate 90° clockwise to display, the left band becomes the top band
            assertThat(img.image().cols()).isEqualTo(20);
            assertThat(img.image().rows()).isEqualTo(40);
            assertThat(img.image().get(2, 10)[0]).isGreaterThan(200);
            assertThat(img.image().get(37, 10)[0]).isLessThan(50);
        }
    }

    @Test
    void decodesALargeJpegReducedAndStillMapsBackToTheOriginal() {
        BufferedImage wide = new BufferedImage(3400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = wide.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 340, 300); // white band on the left tenth
        g.dispose();
        try (DecodedImage img = decoder.decode(TestImages.jpeg(wide), 1600)) {
            assertThat(img.image().cols()).isEqualTo(1600);
            assertThat(img.image().rows()).isEqualTo(141);
            assertThat(img.scale()).isEqualTo(1600.0 / 3400);
            assertThat(img.image().get(70, 100)[0]).isGreaterThan(200);
            assertThat(img.image().get(70, 300)[0]).isLessThan(50);
        }
    }

    @Test
    void choosesTheLargestJpegReductionThatKeepsTheTargetSize() {
        assertThat(ImageDecoder.jpegReduction(2048, 1600)).isEqualTo(1);
        assertThat(ImageDecoder.jpegReduction(3198, 1600)).isEqualTo(1);
        assertThat(ImageDecoder.jpegReduction(3199, 1600)).isEqualTo(2); // 1600 after halving
        assertThat(ImageDecoder.jpegReduction(3200, 1600)).isEqualTo(2);
        assertThat(ImageDecoder.jpegReduction(4000, 1600)).isEqualTo(2);
        assertThat(ImageDecoder.jpegReduction(6400, 1600)).isEqualTo(4);
        assertThat(ImageDecoder.jpegReduction(12_801, 1600)).isEqualTo(8);
        assertThat(ImageDecoder.jpegReduction(40_000, 1600)).isEqualTo(8);
        assertThat(ImageDecoder.jpegReduction(4000, 0)).isEqualTo(1);
    }

    @Test
    void refusesAPdfRenamedJpg() {
        assertRejected(TestImages.pdf(), FailureReason.NOT_AN_IMAGE);
    }

    @Test
    void refusesAnEmptyRecord() {
        assertRejected(new byte[0], FailureReason.NOT_AN_IMAGE);
        assertRejected(null, FailureReason.NOT_AN_IMAGE);
    }

    @Test
    void refusesACorruptJpeg() {
        assertRejected(TestImages.corruptJpeg(), FailureReason.UNDECODABLE_IMAGE);
    }

    @Test
    void refusesATruncatedJpegHeader() {
        byte[] jpeg = TestImages.jpeg(TestImages.plateScene("AB-123-CD"));
        assertRejected(Arrays.copyOf(jpeg, 30), FailureReason.UNDECODABLE_IMAGE);
    }

    @Test
    void refusesAPngDeclaring50000By50000PixelsFromItsHeader() {
        byte[] bomb = TestImages.pngDeclaring(50_000, 50_000);
        assertThat(bomb.length).isLessThan(100);
        assertRejected(bomb, FailureReason.IMAGE_TOO_LARGE);
    }

    @Test
    void refusesARecordOverTheByteLimit() {
        assertRejected(TestImages.oversized(30 * 1024 * 1024), FailureReason.IMAGE_TOO_LARGE);
    }

    @Test
    void refusesAPngWithZeroWidth() {
        assertRejected(TestImages.pngDeclaring(0, 10), FailureReason.UNDECODABLE_IMAGE);
    }

    @Test
    void readsDimensionsFromJpegAndPngHeaders() {
        byte[] jpeg = TestImages.jpeg(TestImages.plateScene("AB-123-CD"));
        ImageHeader h = ImageHeader.read(jpeg);
        assertThat(h.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(h.width()).isEqualTo(640);
        assertThat(h.height()).isEqualTo(480);
        ImageHeader p = ImageHeader.read(TestImages.pngDeclaring(50_000, 50_000));
        assertThat(p.pixels()).isEqualTo(2_500_000_000L);
    }

    private void assertRejected(byte[] bytes, FailureReason reason) {
        assertThatThrownBy(() -> decoder.decode(bytes, 1000))
                .isInstanceOfSatisfying(ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** Inserts an APP1 Exif segment (big-endian TIFF, IFD0 with one Orientation entry) after SOI. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteArrayOutputStream exif = new ByteArrayOutputStream();
        exif.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        exif.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}); // TIFF header, IFD0 at 8
        exif.writeBytes(new byte[] {0, 1}); // one entry
        exif.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0});
        exif.writeBytes(new byte[] {0, 0, 0, 0}); // no next IFD
        byte[] payload = exif.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        int len = payload.length + 2;
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
