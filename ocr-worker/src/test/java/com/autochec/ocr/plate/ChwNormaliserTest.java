package com.autochec.ocr.plate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.autochec.ocr.image.OpenCvLoader;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

class ChwNormaliserTest {

    @BeforeAll
    static void opencv() {
        OpenCvLoader.ensureLoaded();
    }

    @Test
    void normalisesEachChannelLikeTheFormula() {
        float[] mean = {0.485f, 0.456f, 0.406f};
        float[] std = {0.229f, 0.224f, 0.225f};
        ChwNormaliser n = new ChwNormaliser(mean, std);
        for (int c = 0; c < 3; c++) {
            for (int v : new int[] {0, 1, 127, 200, 255}) {
                assertThat(n.value(c, v)).isEqualTo((v / 255f - mean[c]) / std[c]);
            }
        }
    }

    @Test
    void writesPlanarRowsAndZeroPaddingOnTheRight() {
        ChwNormaliser n = new ChwNormaliser(new float[] {0, 0, 0}, new float[] {1, 1, 1}); // v / 255
        Mat image = new Mat(2, 2, CvType.CV_8UC3);
        // pixel (y, x) channel c = 100 y + 10 x + c
        image.put(0, 0, new byte[] {0, 1, 2, 10, 11, 12, 100, 101, 102, 110, 111, 112});
        float[] garbage = new float[3 * 2 * 3];
        Arrays.fill(garbage, 9f);
        FloatBuffer out = FloatBuffer.wrap(garbage);
        n.toChw(image, out, 1, 3);
        float[] expected = {
                0, 10, 0, 100, 110, 0, // channel 0: rows of width 3, last column padding
                1, 11, 0, 101, 111, 0,
                2, 12, 0, 102, 112, 0};
        for (int i = 0; i < expected.length; i++) {
            expected[i] /= 255f;
        }
        assertThat(garbage).containsExactly(expected);
        image.release();
    }

    @Test
    void refusesAnImageThatDoesNotFit() {
        ChwNormaliser n = new ChwNormaliser(new float[] {0, 0, 0}, new float[] {1, 1, 1});
        Mat grey = new Mat(2, 2, CvType.CV_8UC1);
        Mat colour = new Mat(2, 2, CvType.CV_8UC3);
        assertThatThrownBy(() -> n.toChw(grey, FloatBuffer.allocate(12), 0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> n.toChw(colour, FloatBuffer.allocate(12), 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> n.toChw(colour, FloatBuffer.allocate(11), 0, 2)).isInstanceOf(IllegalArgumentException.class);
        grey.release();
        colour.release();
    }
}
