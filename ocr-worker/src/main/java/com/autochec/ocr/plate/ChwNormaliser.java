package com.autochec.ocr.plate;

import java.nio.FloatBuffer;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Turns an 8-bit 3-channel image (HWC, as OpenCV stores it) into the planar CHW floats a network
 * takes, each channel normalised as {@code (v / 255 - mean) / std} through a 256-entry table per
 * channel instead of arithmetic per pixel.
 */
final class ChwNormaliser {

    private final float[][] table = new float[3][256];

    ChwNormaliser(float[] mean, float[] std) {
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                table[c][v] = (v / 255f - mean[c]) / std[c];
            }
        }
    }

    /** The normalised value of 8-bit {@code value} in channel {@code channel}. */
    float value(int channel, int value) {
        return table[channel][value];
    }

    /**
     * Writes {@code image} (CV_8UC3, {@code image.cols() + padRight == width}) into {@code out} from
     * its position 0 as three planes of {@code image.rows() × width} floats; the {@code padRight}
     * columns on the right of each row are 0.
     */
    void toChw(Mat image, FloatBuffer out, int padRight, int width) {
        if (image.type() != CvType.CV_8UC3 || image.cols() + padRight != width || padRight < 0) {
            throw new IllegalArgumentException("expected a CV_8UC3 image " + (width - padRight) + " wide, got "
                    + image.cols() + "x" + image.rows() + " of type " + CvType.typeToString(image.type()));
        }
        int w = image.cols();
        int h = image.rows();
        int plane = width * h;
        if (out.limit() < 3 * plane) {
            throw new IllegalArgumentException("buffer of " + out.limit() + " floats, " + 3 * plane + " needed");
        }
        byte[] px = new byte[w * h * 3];
        image.get(0, 0, px);
        float[] row = new float[width];
        for (int c = 0; c < 3; c++) {
            float[] t = table[c];
            for (int y = 0; y < h; y++) {
                int p = y * w * 3 + c;
                for (int x = 0; x < w; x++, p += 3) {
                    row[x] = t[px[p] & 0xFF];
                }
                out.put(c * plane + y * width, row, 0, width); // padding columns stay 0 in row
            }
        }
    }
}
