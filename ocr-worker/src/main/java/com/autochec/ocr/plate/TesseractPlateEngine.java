package com.autochec.ocr.plate;

import com.autochec.ocr.tesseract.OcrWord;
import com.autochec.ocr.tesseract.TesseractOcr;
import com.autochec.ocr.image.Deadline;
import com.autochec.ocr.image.OpenCvLoader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Fallback plate engine: classic OpenCV plate localisation (black-hat morphology, closing, contours
 * with a plate's aspect ratio) and Tesseract on each region as a single line of capitals and digits.
 * One Tesseract engine per thread.
 */
final class TesseractPlateEngine implements PlateEngine {

    static final String NAME = "tesseract";
    private static final int MAX_REGIONS = 6;

    private final String tessdata;
    private final List<TesseractOcr> engines = new CopyOnWriteArrayList<>();
    private final ThreadLocal<TesseractOcr> perThread;

    TesseractPlateEngine(String tessdata) {
        OpenCvLoader.ensureLoaded();
        this.tessdata = tessdata;
        this.perThread = ThreadLocal.withInitial(this::newEngine);
    }

    private TesseractOcr newEngine() {
        TesseractOcr ocr = new TesseractOcr(tessdata, "eng");
        // no character whitelist: with one, the LSTM reports zero confidences; the grammar filters instead
        ocr.setVariable("load_system_dawg", "0");
        ocr.setVariable("load_freq_dawg", "0");
        engines.add(ocr);
        return ocr;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TextLine> readLines(Mat bgr, Deadline deadline, LineTriage triage) {
        // Tesseract reads few regions, found by morphology: all of them are read
        Mat grey = new Mat();
        Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
        try {
            List<Rect> regions = regions(grey);
            deadline.check("plate localisation");
            List<TextLine> lines = new ArrayList<>();
            TesseractOcr ocr = perThread.get();
            for (Rect r : regions) {
                Mat roi = grey.submat(r);
                Mat scaled = new Mat();
                double f = Math.max(1.0, 64.0 / r.height);
                Imgproc.resize(roi, scaled, new Size(r.width * f, r.height * f), 0, 0, Imgproc.INTER_CUBIC);
                Imgproc.threshold(scaled, scaled, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
                List<OcrWord> words = ocr.recognise(scaled, TesseractOcr.PSM_SINGLE_LINE);
                roi.release();
                scaled.release();
                StringBuilder text = new StringBuilder();
                double conf = 0;
                for (OcrWord w : words) {
                    text.append(w.text());
                    conf += w.confidence() * w.text().length();
                }
                if (!text.isEmpty()) {
                    // Tesseract's word confidences are poorly calibrated on plates (often 0 for a
                    // perfect reading): squash them into [0.5, 1] and let the plate grammar select
                    lines.add(TextLine.of(text.toString(), 0.5 + 0.5 * conf / text.length(), r));
                }
                deadline.check("plate recognition");
            }
            lines.addAll(sparseLines(ocr, grey));
            deadline.check("sparse text recognition");
            return lines;
        } finally {
            grey.release();
        }
    }

    /** Tesseract's own sparse-text search over the whole photo (enlarged when small), words grouped by line. */
    private static List<TextLine> sparseLines(TesseractOcr ocr, Mat grey) {
        double f = grey.cols() < 1000 ? 2.0 : 1.0;
        Mat big = new Mat();
        Imgproc.resize(grey, big, new Size(grey.cols() * f, grey.rows() * f), 0, 0, Imgproc.INTER_CUBIC);
        List<OcrWord> words = ocr.recognise(big, TesseractOcr.PSM_SPARSE);
        big.release();
        java.util.Map<Integer, List<OcrWord>> byLine = new java.util.TreeMap<>();
        words.forEach(w -> byLine.computeIfAbsent(w.line(), k -> new ArrayList<>()).add(w));
        List<TextLine> lines = new ArrayList<>();
        for (List<OcrWord> line : byLine.values()) {
            StringBuilder text = new StringBuilder();
            double conf = 0;
            int x1 = Integer.MAX_VALUE, y1 = Integer.MAX_VALUE, x2 = 0, y2 = 0;
            for (OcrWord w : line) {
                text.append(w.text());
                conf += w.confidence() * w.text().length();
                x1 = Math.min(x1, w.box().x);
                y1 = Math.min(y1, w.box().y);
                x2 = Math.max(x2, w.box().x + w.box().width);
                y2 = Math.max(y2, w.box().y + w.box().height);
            }
            if (!text.isEmpty()) {
                Rect box = new Rect((int) (x1 / f), (int) (y1 / f), (int) ((x2 - x1) / f), (int) ((y2 - y1) / f));
                lines.add(TextLine.of(text.toString(), 0.5 + 0.5 * conf / text.length(), box));
            }
        }
        return lines;
    }

    /** Plate-shaped regions, largest first. */
    static List<Rect> regions(Mat grey) {
        Mat blackhat = new Mat();
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(13, 5));
        Imgproc.morphologyEx(grey, blackhat, Imgproc.MORPH_BLACKHAT, kernel);
        Mat grad = new Mat();
        Imgproc.Sobel(blackhat, grad, org.opencv.core.CvType.CV_32F, 1, 0, -1);
        org.opencv.core.Core.convertScaleAbs(grad, grad);
        Imgproc.GaussianBlur(grad, grad, new Size(5, 5), 0);
        Imgproc.morphologyEx(grad, grad, Imgproc.MORPH_CLOSE, kernel);
        Imgproc.threshold(grad, grad, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
        Mat small = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3));
        Imgproc.erode(grad, grad, small, new org.opencv.core.Point(-1, -1), 2);
        Imgproc.dilate(grad, grad, small, new org.opencv.core.Point(-1, -1), 2);
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        Imgproc.findContours(grad, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
        List<Rect> out = new ArrayList<>();
        for (MatOfPoint c : contours) {
            Rect r = Imgproc.boundingRect(c);
            c.release();
            double aspect = (double) r.width / Math.max(1, r.height);
            if (aspect >= 2 && aspect <= 8 && r.height >= 10 && r.width >= 40) {
                int pad = r.height / 4;
                int x = Math.max(0, r.x - pad);
                int y = Math.max(0, r.y - pad);
                out.add(new Rect(x, y, Math.min(grey.cols() - x, r.width + 2 * pad), Math.min(grey.rows() - y, r.height + 2 * pad)));
            }
        }
        blackhat.release();
        grad.release();
        kernel.release();
        small.release();
        hierarchy.release();
        out.sort(Comparator.comparingDouble((Rect r) -> -r.area()));
        return out.subList(0, Math.min(MAX_REGIONS, out.size()));
    }

    @Override
    public void close() {
        engines.forEach(TesseractOcr::close);
        engines.clear();
    }
}
