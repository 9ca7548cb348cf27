package com.autochec.ocr.image;

import org.opencv.core.Mat;

/**
 * A decoded, oriented BGR image and the factor it was scaled by ({@code 1.0} when not scaled down):
 * boxes found in {@code image} map back to the original photo by dividing by {@code scale}.
 */
public record DecodedImage(Mat image, double scale) implements AutoCloseable {

    @Override
    public void close() {
        image.release();
    }
}
