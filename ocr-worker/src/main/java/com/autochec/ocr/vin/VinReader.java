package com.autochec.ocr.vin;

import com.autochec.contracts.vin.Vin;
import com.autochec.ocr.config.OcrProperties;
import com.autochec.ocr.image.DecodedImage;
import com.autochec.ocr.image.Deadline;
import com.autochec.ocr.image.FailureReason;
import com.autochec.ocr.image.ImageDecoder;
import com.autochec.ocr.image.ImageRejectedException;
import com.autochec.ocr.image.OpenCvLoader;
import com.autochec.ocr.tesseract.OcrWord;
import com.autochec.ocr.tesseract.TesseractOcr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.RotatedRect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Reads a VIN from a photo of a VIN plate (riveted metal label, stamped chassis) or of the windscreen strip:
 * OpenCV finds the text lines (dark text first, then light text), cuts each one out turned level (its
 * minimum-area rectangle's angle), enlarges and binarises it, Tesseract reads it as one line, and the VIN
 * grammar of {@link Vin#findInText(String)} keeps the first 17 characters it accepts (I, O, Q forced to 1, 0,
 * 0; a North-American VIN's check digit must hold). Confidence: Tesseract's mean confidence of the line the VIN
 * was found on, squashed into [0.5, 1] as for plates (its word confidences are poorly calibrated on such text),
 * times 0.9 for each character the grammar had to correct, and halved when the 17 characters were cut out of a longer
 * reading (a line of exactly 17 letters and digits is preferred). Thread-safe (one Tesseract engine per thread).
 */
public final class VinReader implements AutoCloseable {

    public static final String ENGINE = "tesseract-vin";
    /** Longest side a VIN photo is scaled down to before reading. */
    static final int MAX_SIDE = 1600;
    /** Text lines read per polarity, widest first. */
    static final int MAX_LINES = 4;
    /** Heights a cut-out line is read at (Tesseract reads best with capitals of 20 to 40 pixels). */
    static final int[] LINE_HEIGHTS = {64, 48, 88};
    /** Confidence factor per I, O or Q the grammar corrected (common, and certain, confusions). */
    static final double CORRECTION_FACTOR = 0.9;

    private final ImageDecoder decoder;
    private final String tessdata;
    private final List<TesseractOcr> engines = new CopyOnWriteArrayList<>();
    private final ThreadLocal<TesseractOcr> perThread;

    public VinReader(OcrProperties properties) {
        OpenCvLoader.ensureLoaded();
        this.decoder = new ImageDecoder(properties.maxImageBytes(), properties.maxImagePixels());
        this.tessdata = properties.tessdata();
        this.perThread = ThreadLocal.withInitial(this::newEngine);
    }

    private TesseractOcr newEngine() {
        TesseractOcr ocr = new TesseractOcr(tessdata, "eng");
        // a VIN is no word: dictionaries only pull readings towards English
        ocr.setVariable("load_system_dawg", "0");
        ocr.setVariable("load_freq_dawg", "0");
        engines.add(ocr);
        return ocr;
    }

    public VinResult read(byte[] bytes, Deadline deadline) {
        long start = System.nanoTime();
        try (DecodedImage image = decoder.decode(bytes, MAX_SIDE)) {
            deadline.check("decoding");
            Mat grey = new Mat();
            Imgproc.cvtColor(image.image(), grey, Imgproc.COLOR_BGR2GRAY);
            Imgproc.medianBlur(grey, grey, 3);
            StringBuilder allText = new StringBuilder();
            TesseractOcr ocr = perThread.get();
            VinResult fallback = null;
            try {
                for (boolean darkText : new boolean[] {true, false}) {
                    for (RotatedRect region : textLines(grey, darkText)) {
                        Mat line = straightCrop(grey, region);
                        try {
                            for (int height : LINE_HEIGHTS) {
                                Mat binary = binarise(line, !darkText, height);
                                List<Line> read = lines(ocr.recognise(binary, TesseractOcr.PSM_SINGLE_LINE));
                                binary.release();
                                deadline.check("VIN recognition");
                                for (Line l : read) {
                                    allText.append(l.text()).append('\n');
                                    Optional<Vin> vin = Vin.findInText(l.text());
                                    if (vin.isEmpty()) {
                                        continue;
                                    }
                                    if (l.text().replaceAll("[^A-Za-z0-9]", "").length() == Vin.LENGTH) {
                                        return found(vin.get(), l, 1.0, allText.toString(), start);
                                    }
                                    if (fallback == null) {
                                        // 17 characters cut out of a longer reading: a character may have been added
                                        fallback = found(vin.get(), l, 0.5, allText.toString(), start);
                                    }
                                }
                            }
                        } finally {
                            line.release();
                        }
                    }
                }
            } finally {
                grey.release();
            }
            if (fallback != null) {
                return fallback;
            }
            String text = allText.toString().strip();
            return VinResult.failed(FailureReason.NO_VIN_FOUND,
                    text.isEmpty() ? "no text" : "no 17-character VIN in the text", text.isEmpty() ? null : abbreviate(text),
                    ENGINE, millis(start));
        } catch (ImageRejectedException e) {
            return VinResult.failed(e.reason(), e.getMessage(), null, ENGINE, millis(start));
        }
    }

    private static VinResult found(Vin vin, Line line, double factor, String allText, long start) {
        int corrections = corrections(line.text(), vin.value());
        double confidence = factor * (0.5 + 0.5 * line.confidence()) * Math.pow(CORRECTION_FACTOR, corrections);
        return new VinResult(true, null, null, vin.value(), round(confidence),
                vin.checkDigitApplies() ? vin.hasValidCheckDigit() : null, abbreviate(allText.strip()), ENGINE, millis(start));
    }

    /** How many of the VIN's characters were read as I, O or Q (the grammar forced them). */
    static int corrections(String text, String vin) {
        String compact = text.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        int at = Vin.withForcedCorrections(compact).indexOf(vin);
        if (at < 0) {
            return 0;
        }
        int n = 0;
        for (int i = at; i < at + vin.length(); i++) {
            char c = compact.charAt(i);
            n += c == 'I' || c == 'O' || c == 'Q' ? 1 : 0;
        }
        return n;
    }

    private record Line(String text, double confidence) {}

    /** Words grouped by Tesseract's lines, each line's text with its words' character-weighted mean confidence. */
    private static List<Line> lines(List<OcrWord> words) {
        Map<Integer, List<OcrWord>> byLine = new TreeMap<>();
        words.forEach(w -> byLine.computeIfAbsent(w.line(), k -> new ArrayList<>()).add(w));
        List<Line> lines = new ArrayList<>();
        for (List<OcrWord> line : byLine.values()) {
            StringBuilder text = new StringBuilder();
            double conf = 0;
            int chars = 0;
            for (OcrWord w : line) {
                text.append(w.text()).append(' ');
                conf += w.confidence() * w.text().length();
                chars += w.text().length();
            }
            lines.add(new Line(text.toString().strip(), chars == 0 ? 0 : conf / chars));
        }
        return lines;
    }

    /**
     * The text lines of the photo, widest first (a VIN is the longest line of its plate): the strokes
     * (black-hat for dark text, top-hat for light text), merged along the line by a wide closing, each blob's
     * minimum-area rectangle (its angle is the line's tilt).
     */
    static List<RotatedRect> textLines(Mat grey, boolean darkText) {
        int h = Math.max(15, grey.rows() / 12);
        Mat strokes = new Mat();
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(h, h));
        Imgproc.morphologyEx(grey, strokes, darkText ? Imgproc.MORPH_BLACKHAT : Imgproc.MORPH_TOPHAT, kernel);
        Imgproc.threshold(strokes, strokes, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
        Mat open = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(2, 2));
        Imgproc.morphologyEx(strokes, strokes, Imgproc.MORPH_OPEN, open);
        Mat close = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(Math.max(9, h / 2), 3));
        Imgproc.morphologyEx(strokes, strokes, Imgproc.MORPH_CLOSE, close);
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        Imgproc.findContours(strokes, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
        List<RotatedRect> lines = new ArrayList<>();
        for (MatOfPoint c : contours) {
            MatOfPoint2f pts = new MatOfPoint2f(c.toArray());
            RotatedRect r = Imgproc.minAreaRect(pts);
            pts.release();
            c.release();
            RotatedRect line = horizontal(r);
            if (line.size.width >= 8 * line.size.height && line.size.height >= 8 && Math.abs(line.angle) <= 30) {
                lines.add(line);
            }
        }
        strokes.release();
        kernel.release();
        open.release();
        close.release();
        hierarchy.release();
        lines.sort(java.util.Comparator.comparingDouble((RotatedRect r) -> -r.size.width));
        return lines.subList(0, Math.min(MAX_LINES, lines.size()));
    }

    /** The same rectangle described with its long side as width and an angle in [-45°, 45°]. */
    static RotatedRect horizontal(RotatedRect r) {
        double angle = r.angle;
        Size size = r.size;
        if (size.width < size.height) {
            size = new Size(size.height, size.width);
            angle += 90;
        }
        angle = ((angle + 90) % 180 + 180) % 180 - 90;
        return new RotatedRect(r.center, size, angle);
    }

    /** The line's rectangle, turned level and cut out with a margin of half its height. */
    static Mat straightCrop(Mat grey, RotatedRect line) {
        Mat rotation = Imgproc.getRotationMatrix2D(line.center, line.angle, 1.0);
        Mat level = new Mat();
        Imgproc.warpAffine(grey, level, rotation, grey.size(), Imgproc.INTER_CUBIC, Core.BORDER_REPLICATE);
        rotation.release();
        double margin = line.size.height * 0.6;
        Mat out = new Mat();
        Imgproc.getRectSubPix(level, new Size(line.size.width + 2 * margin, line.size.height + 2 * margin), line.center, out);
        level.release();
        return out;
    }

    /** Scaled to {@code height} pixels (the line and its margin), so that strokes are thick enough, denoised, and Otsu-binarised (inverted for light-on-dark text). */
    static Mat binarise(Mat grey, boolean invert, int height) {
        double f = (double) height / grey.rows();
        Mat big = new Mat();
        Imgproc.resize(grey, big, new Size(grey.cols() * f, grey.rows() * f), 0, 0, Imgproc.INTER_CUBIC);
        Imgproc.GaussianBlur(big, big, new Size(3, 3), 0);
        Imgproc.threshold(big, big, 0, 255,
                (invert ? Imgproc.THRESH_BINARY_INV : Imgproc.THRESH_BINARY) | Imgproc.THRESH_OTSU);
        return big;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200);
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static double round(double v) {
        return Math.round(Math.min(1.0, Math.max(0.0, v)) * 10_000) / 10_000.0;
    }

    @Override
    public void close() {
        engines.forEach(TesseractOcr::close);
        engines.clear();
    }
}
