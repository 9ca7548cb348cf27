package com.autochec.ocr.vin;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.ocr.config.OcrProperties;
import com.autochec.ocr.image.Deadline;
import com.autochec.ocr.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real Tesseract on VIN plates drawn in the test: metal, noise, a slight rotation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VinReaderTest {

    private final VinReader reader = new VinReader(OcrProperties.defaults());

    @AfterAll
    void close() {
        reader.close();
    }

    @ParameterizedTest(name = "{0} turned {1}°")
    @CsvSource({"VF1RFB00X56789012, 0", "VF1RFB00X56789012, 3", "VF7SXHMZ012345678, -3", "1HGCM82633A004352, 2", "VR3UHZKX0P1234567, 4"})
    void readsTheVinOfAMetalPlate(String vin, double degrees) {
        VinResult result = reader.read(TestImages.png(TestImages.vinPlate(vin, degrees, 7)), Deadline.none());

        assertThat(result.success()).as(result.text()).isTrue();
        assertThat(result.vin()).isEqualTo(vin);
        assertThat(result.confidence()).isBetween(0.5, 1.0);
        assertThat(result.engine()).isEqualTo(VinReader.ENGINE);
        assertThat(result.checkDigitValid()).isEqualTo(vin.startsWith("1") ? Boolean.TRUE : null);
    }

    @Test
    void aPhotoWithoutAVinSaysSo() {
        VinResult result = reader.read(TestImages.jpeg(TestImages.plateScene("AB-123-CD")), Deadline.none());

        assertThat(result.success()).isFalse();
        assertThat(result.failureReason().name()).isEqualTo("NO_VIN_FOUND");
        assertThat(result.vin()).isNull();
    }

    @Test
    void aPdfIsNotAnImage() {
        VinResult result = reader.read(TestImages.pdf(), Deadline.none());

        assertThat(result.success()).isFalse();
        assertThat(result.failureReason().name()).isEqualTo("NOT_AN_IMAGE");
    }

    @ParameterizedTest(name = "{0} -> {2} corrections")
    @CsvSource({"VF1RFB00X56789012, VF1RFB00X56789012, 0", "VF1RFBOOX56789O12, VF1RFB00X56789012, 3",
        "VIN VF1RFB00X5678901I, VF1RFB00X56789011, 1"})
    void countsTheCorrectionsTheGrammarForced(String text, String vin, int corrections) {
        assertThat(VinReader.corrections(text, vin)).isEqualTo(corrections);
    }
}
