package com.autochec.ocr.plate;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.ocr.config.OcrProperties;
import com.autochec.ocr.image.Deadline;
import com.autochec.ocr.image.FailureReason;
import com.autochec.ocr.testing.TestImages;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PP-OCR reader on images made in the test (the model is loaded once for the class). */
class PlateReaderTest {

    private static PlateReader reader;

    @BeforeAll
    static void load() {
        reader = PlateReader.create("ppocr", OcrProperties.defaults());
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    @Test
    void readsAFrenchPlateWithItsBox() {
        PlateResult r = reader.read(TestImages.jpeg(TestImages.plateScene("FG-204-KL")), Deadline.none());
        assertThat(r.success()).isTrue();
        assertThat(r.candidates().get(0).text()).isEqualTo("FG204KL");
        assertThat(r.candidates()).hasSizeLessThanOrEqualTo(PlateReader.TOP_CANDIDATES);
        assertThat(r.candidates().get(0).box().width()).isBetween(150, 320);
        assertThat(r.engine()).isEqualTo("ppocr-v4");
    }

    @Test
    void mapsTheBoxBackToTheOriginalPhotoWhenScaledDown() {
        PlateResult small = reader.read(TestImages.png(TestImages.plateScene("FG-204-KL")), Deadline.none());
        OcrProperties tight = new OcrProperties(null, 0, 0, 320, 0, null, 0, null);
        try (PlateReader scaled = new PlateReader(new PpOcrEngine(PlateReader.DETECTION_MAX_SIDE),
                new com.autochec.ocr.image.ImageDecoder(tight.maxImageBytes(), tight.maxImagePixels()), tight.maxPlateSide())) {
            PlateResult r = scaled.read(TestImages.png(TestImages.plateScene("FG-204-KL")), Deadline.none());
            assertThat(r.success()).isTrue();
            assertThat(r.candidates().get(0).box().x()).isCloseTo(small.candidates().get(0).box().x(), org.assertj.core.data.Offset.offset(12));
        }
    }

    @Test
    void findsNoPlateInABlankPhoto() {
        PlateResult r = reader.read(TestImages.png(new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB)), Deadline.none());
        assertThat(r.success()).isFalse();
        assertThat(r.failureReason()).isEqualTo(FailureReason.NO_PLATE_FOUND);
        assertThat(r.candidates()).isEmpty();
    }

    @Test
    void stopsWithTimeoutOncePastTheTimeLimit() {
        PlateResult r = reader.read(TestImages.jpeg(TestImages.plateScene("FG-204-KL")), Deadline.after(Duration.ZERO));
        assertThat(r.success()).isFalse();
        assertThat(r.failureReason()).isEqualTo(FailureReason.TIMEOUT);
    }

    @Test
    void reportsBadInputAsAFailedReading() {
        assertThat(reader.read(TestImages.pdf(), Deadline.none()).failureReason()).isEqualTo(FailureReason.NOT_AN_IMAGE);
        assertThat(reader.read(TestImages.pngDeclaring(50_000, 50_000), Deadline.none()).failureReason())
                .isEqualTo(FailureReason.IMAGE_TOO_LARGE);
    }

    @Test
    void readsTheSameImageTheSameWayTwice() {
        byte[] image = TestImages.jpeg(TestImages.plateScene("HJ-517-MN"));
        assertThat(reader.read(image, Deadline.none()).candidates()).isEqualTo(reader.read(image, Deadline.none()).candidates());
    }
}
