package com.autochec.ocr.plate;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.contracts.ocr.PlateRead;
import com.autochec.contracts.vehicle.Colour;
import com.autochec.ocr.image.OpenCvLoader;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;

class BodyColourTest {

    private static final Rect PLATE = new Rect(220, 300, 200, 46);

    @BeforeAll
    static void opencv() {
        OpenCvLoader.ensureLoaded();
    }

    @ParameterizedTest(name = "body {0},{1},{2} -> {3}")
    @CsvSource({
        "245, 245, 242, BLANC", "20, 20, 22, NOIR", "128, 130, 132, GRIS", "185, 25, 30, ROUGE", "25, 60, 160, BLEU",
        "30, 120, 50, VERT", "240, 200, 20, JAUNE", "235, 120, 20, ORANGE", "100, 60, 30, MARRON", "200, 185, 150, BEIGE"})
    void namesTheBodyColourAroundThePlateInTheRegistrysWords(int r, int g, int b, String expected) {
        Mat scene = scene(new Color(r, g, b), 11);

        Optional<PlateRead.ColourEstimate> estimate = BodyColour.estimate(scene, PLATE);

        assertThat(estimate).isPresent();
        assertThat(estimate.get().colour()).isEqualTo(Colour.valueOf(expected).label());
        assertThat(estimate.get().confidence()).isGreaterThan(0.7).isLessThanOrEqualTo(1.0);
    }

    @Test
    void theWhitePlateItselfIsNeverCounted() {
        Mat scene = scene(new Color(185, 25, 30), 5);
        // a plate as wide as the whole band above it: only its surroundings decide
        assertThat(BodyColour.estimate(scene, PLATE).orElseThrow().colour()).isEqualTo("Rouge");
    }

    @Test
    void aHalfRedHalfBlackBodyIsUncertain() {
        BufferedImage img = image(new Color(185, 25, 30), 3);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(15, 15, 15));
        g.fillRect(320, 0, 320, 480);
        g.dispose();
        PlateRead.ColourEstimate estimate = BodyColour.estimate(mat(img), PLATE).orElseThrow();
        assertThat(estimate.confidence()).isLessThan(0.6);
    }

    @Test
    void aPlateAtTheEdgeWithLittleAroundItGivesNoEstimate() {
        Mat scene = scene(new Color(185, 25, 30), 1);
        assertThat(BodyColour.estimate(scene, new Rect(0, 0, 12, 4))).isEmpty();
        assertThat(BodyColour.estimate(scene, null)).isEmpty();
    }

    @Test
    void realPhotosGiveAColourOfTheVocabularyAndAConfidenceBetweenZeroAndOne() throws Exception {
        Path dir = Path.of("../../shared/datasets/plates-eu-dev");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("groundtruth.tsv")), "plates-eu-dev is not beside the repo");
        List<String> lines = Files.readAllLines(dir.resolve("groundtruth.tsv"));
        int estimated = 0;
        for (String line : lines) {
            String[] f = line.split("\t");
            if (f.length < 6) {
                continue;
            }
            Mat photo = Imgcodecs.imread(dir.resolve(f[0]).toString());
            assertThat(photo.empty()).as(f[0]).isFalse();
            Rect plate = new Rect(Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]));
            Optional<PlateRead.ColourEstimate> estimate = BodyColour.estimate(photo, plate);
            photo.release();
            if (estimate.isPresent()) {
                estimated++;
                assertThat(Colour.ofLabel(estimate.get().colour())).as(f[0]).isPresent();
                assertThat(estimate.get().confidence()).as(f[0]).isBetween(0.0, 1.0);
            }
        }
        assertThat(estimated).isGreaterThan(lines.size() / 2);
    }

    /** A 640x480 photo filled with the body colour (slightly noisy), a white plate with dark text at {@link #PLATE}. */
    private static Mat scene(Color body, long seed) {
        return mat(image(body, seed));
    }

    private static BufferedImage image(Color body, long seed) {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(body);
        g.fillRect(0, 0, 640, 480);
        g.setColor(Color.WHITE);
        g.fillRect(PLATE.x, PLATE.y, PLATE.width, PLATE.height);
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 30));
        g.drawString("AB-123-CD", PLATE.x + 20, PLATE.y + 35);
        g.dispose();
        Random random = new Random(seed);
        for (int i = 0; i < 3000; i++) {
            int x = random.nextInt(640);
            int y = random.nextInt(480);
            int c = img.getRGB(x, y);
            int d = random.nextInt(21) - 10;
            int r = Math.max(0, Math.min(255, ((c >> 16) & 0xff) + d));
            int gg = Math.max(0, Math.min(255, ((c >> 8) & 0xff) + d));
            int b = Math.max(0, Math.min(255, (c & 0xff) + d));
            img.setRGB(x, y, (r << 16) | (gg << 8) | b);
        }
        return img;
    }

    private static Mat mat(BufferedImage img) {
        Mat m = new Mat(img.getHeight(), img.getWidth(), CvType.CV_8UC3);
        m.put(0, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData());
        return m;
    }
}
