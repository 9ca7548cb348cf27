package com.autochec.ocr.plate;

import com.autochec.contracts.ocr.PlateRead;
import com.autochec.contracts.vehicle.Colour;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * Estimates a vehicle's body colour around its plate: the band above the plate (as high as two plates, half a
 * plate wider on each side) and the strips beside it, never the plate itself; each pixel is classed by HSV into
 * the registry's vocabulary ({@link Colour}): dark pixels are NOIR, unsaturated ones BLANC or GRIS by
 * brightness (silver and grey cannot be told apart on a photo: GRIS), the others by hue. The dominant class wins;
 * its confidence is its share of the pixels (0 to 1), lowered when the area is small. Shadows, lights and
 * the bumper's black plastic lower the share, which is what the confidence is for.
 */
public final class BodyColour {

    /** Fewer sampled pixels than this: no estimate. */
    static final int MIN_PIXELS = 300;
    /** From this many pixels on, the share is the confidence as is. */
    static final int FULL_PIXELS = 3000;

    private BodyColour() {}

    /** The estimate for the plate at {@code plate} (image pixels) in the BGR image, empty when too little is around it. */
    public static Optional<PlateRead.ColourEstimate> estimate(Mat bgr, Rect plate) {
        if (plate == null || plate.width <= 0 || plate.height <= 0) {
            return Optional.empty();
        }
        int w = bgr.cols();
        int h = bgr.rows();
        Rect above = clip(new Rect(plate.x - plate.width / 2, plate.y - 2 * plate.height, plate.width * 2, 2 * plate.height), w, h);
        Rect left = clip(new Rect(plate.x - plate.width / 2, plate.y, plate.width / 2, plate.height), w, h);
        Rect right = clip(new Rect(plate.x + plate.width, plate.y, plate.width / 2, plate.height), w, h);
        Map<Colour, Integer> counts = new EnumMap<>(Colour.class);
        int total = 0;
        for (Rect r : new Rect[] {above, left, right}) {
            total += count(bgr, r, counts);
        }
        if (total < MIN_PIXELS) {
            return Optional.empty();
        }
        Map.Entry<Colour, Integer> best = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        double share = (double) best.getValue() / total;
        double confidence = share * Math.min(1.0, (double) total / FULL_PIXELS);
        return Optional.of(new PlateRead.ColourEstimate(best.getKey().label(), Math.round(confidence * 1000) / 1000.0));
    }

    private static int count(Mat bgr, Rect r, Map<Colour, Integer> counts) {
        if (r == null) {
            return 0;
        }
        Mat roi = bgr.submat(r);
        Mat hsv = new Mat();
        Imgproc.cvtColor(roi, hsv, Imgproc.COLOR_BGR2HSV);
        roi.release();
        byte[] px = new byte[(int) (hsv.total() * hsv.channels())];
        Mat continuous = hsv.isContinuous() ? hsv : hsv.clone();
        continuous.get(0, 0, px);
        if (continuous != hsv) {
            continuous.release();
        }
        hsv.release();
        int n = 0;
        for (int i = 0; i + 2 < px.length; i += 3) {
            counts.merge(classify(px[i] & 0xff, px[i + 1] & 0xff, px[i + 2] & 0xff), 1, Integer::sum);
            n++;
        }
        return n;
    }

    /** The colour of one pixel, OpenCV HSV (hue 0-179, saturation and value 0-255). */
    static Colour classify(int hue, int saturation, int value) {
        if (value < 50) {
            return Colour.NOIR;
        }
        if (saturation < 45 || (saturation < 70 && value < 90)) {
            return value >= 185 ? Colour.BLANC : value < 70 ? Colour.NOIR : Colour.GRIS;
        }
        if (hue < 8 || hue >= 170) {
            return value < 90 && saturation < 150 ? Colour.MARRON : Colour.ROUGE;
        }
        if (hue < 20) {
            return value < 150 ? Colour.MARRON : Colour.ORANGE;
        }
        if (hue < 34) {
            return saturation < 110 ? (value < 150 ? Colour.MARRON : Colour.BEIGE) : Colour.JAUNE;
        }
        if (hue < 86) {
            return Colour.VERT;
        }
        if (hue < 131) {
            return Colour.BLEU;
        }
        if (hue < 150) {
            return Colour.VIOLET;
        }
        return Colour.ROSE;
    }

    private static Rect clip(Rect r, int w, int h) {
        int x1 = Math.max(0, r.x);
        int y1 = Math.max(0, r.y);
        int x2 = Math.min(w, r.x + r.width);
        int y2 = Math.min(h, r.y + r.height);
        return x2 - x1 <= 0 || y2 - y1 <= 0 ? null : new Rect(x1, y1, x2 - x1, y2 - y1);
    }
}
