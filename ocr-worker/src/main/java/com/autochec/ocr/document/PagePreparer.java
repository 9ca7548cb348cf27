package com.autochec.ocr.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Cleans a photographed page for Tesseract: grey, page outline found and perspective undone, residual
 * skew measured by projection profiles and undone, uneven lighting flattened by dividing by the
 * background.
 */
final class PagePreparer {

    private PagePreparer() {}

    static Mat prepare(Mat bgr) {
        Mat grey = new Mat();
        Imgproc.cvtColor(bgr, grey, Imgproc.COLOR_BGR2GRAY);
        Mat page = unwarpPage(grey);
        if (page != grey) {
            grey.release();
        }
        Mat flat = flattenLighting(page);
        page.release();
        double angle = skewAngle(flat);
        if (Math.abs(angle) >= 0.1) {
            Mat rotated = rotate(flat, angle);
            flat.release();
            flat = rotated;
        }
        removeRules(flat);
        return flat;
    }

    /**
     * Paints the form's long horizontal and vertical rules white: Tesseract reads frame edges as
     * "|" and merges them with the text beside them.
     */
    static void removeRules(Mat grey) {
        Mat ink = new Mat();
        Imgproc.threshold(grey, ink, 0, 255, Imgproc.THRESH_BINARY_INV | Imgproc.THRESH_OTSU);
        Mat horizontal = new Mat();
        Mat vertical = new Mat();
        Imgproc.morphologyEx(ink, horizontal, Imgproc.MORPH_OPEN,
                Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(Math.max(20, grey.cols() / 15), 1)));
        Imgproc.morphologyEx(ink, vertical, Imgproc.MORPH_OPEN,
                Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(1, Math.max(20, grey.rows() / 15))));
        Core.bitwise_or(horizontal, vertical, horizontal);
        Imgproc.dilate(horizontal, horizontal, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(5, 5)));
        grey.setTo(new org.opencv.core.Scalar(255), horizontal);
        ink.release();
        horizontal.release();
        vertical.release();
    }

    /** The page's quadrilateral warped to a rectangle, or the input when no page outline is found. */
    static Mat unwarpPage(Mat grey) {
        double scale = 600.0 / Math.max(grey.cols(), grey.rows());
        Mat small = new Mat();
        Imgproc.resize(grey, small, new Size(Math.round(grey.cols() * scale), Math.round(grey.rows() * scale)));
        Imgproc.GaussianBlur(small, small, new Size(5, 5), 0);
        Mat binary = new Mat();
        Imgproc.threshold(small, binary, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
        Imgproc.morphologyEx(binary, binary, Imgproc.MORPH_CLOSE,
                Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(15, 15)));
        List<MatOfPoint> contours = new ArrayList<>();
        Mat hierarchy = new Mat();
        Imgproc.findContours(binary, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
        hierarchy.release();
        binary.release();
        double imageArea = small.cols() * (double) small.rows();
        small.release();
        Point[] quad = null;
        double bestArea = 0;
        for (MatOfPoint c : contours) {
            double area = Imgproc.contourArea(c);
            if (area > 0.25 * imageArea && area < 0.98 * imageArea && area > bestArea) {
                MatOfPoint2f c2 = new MatOfPoint2f(c.toArray());
                MatOfPoint2f approx = new MatOfPoint2f();
                Imgproc.approxPolyDP(c2, approx, 0.02 * Imgproc.arcLength(c2, true), true);
                if (approx.total() == 4) {
                    quad = approx.toArray();
                    bestArea = area;
                }
                c2.release();
                approx.release();
            }
            c.release();
        }
        if (quad == null) {
            return grey;
        }
        for (Point p : quad) {
            p.x /= scale;
            p.y /= scale;
        }
        Point[] o = order(quad);
        double w = Math.max(dist(o[0], o[1]), dist(o[3], o[2]));
        double h = Math.max(dist(o[0], o[3]), dist(o[1], o[2]));
        MatOfPoint2f src = new MatOfPoint2f(o);
        MatOfPoint2f dst = new MatOfPoint2f(new Point(0, 0), new Point(w, 0), new Point(w, h), new Point(0, h));
        Mat m = Imgproc.getPerspectiveTransform(src, dst);
        Mat out = new Mat();
        Imgproc.warpPerspective(grey, out, m, new Size(w, h), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        m.release();
        src.release();
        dst.release();
        return out;
    }

    /** top-left, top-right, bottom-right, bottom-left. */
    static Point[] order(Point[] p) {
        Point[] bySum = p.clone();
        Arrays.sort(bySum, Comparator.comparingDouble(q -> q.x + q.y));
        Point[] byDiff = p.clone();
        Arrays.sort(byDiff, Comparator.comparingDouble(q -> q.y - q.x));
        return new Point[] {bySum[0], byDiff[0], bySum[3], byDiff[3]};
    }

    private static double dist(Point a, Point b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }

    /** Divides by a blurred background estimate so that shadows and gradients vanish. */
    static Mat flattenLighting(Mat grey) {
        Mat background = new Mat();
        int k = Math.max(15, (Math.max(grey.cols(), grey.rows()) / 40) | 1);
        Imgproc.morphologyEx(grey, background, Imgproc.MORPH_CLOSE, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(k, k)));
        Imgproc.GaussianBlur(background, background, new Size(k, k), 0);
        Mat out = new Mat();
        Core.divide(grey, background, out, 255.0, CvType.CV_8U);
        background.release();
        return out;
    }

    /** Skew in degrees (-7..7) maximising the variance of the rows' ink, coarse then fine. */
    static double skewAngle(Mat grey) {
        double scale = 800.0 / Math.max(grey.cols(), grey.rows());
        Mat small = new Mat();
        Imgproc.resize(grey, small, new Size(Math.round(grey.cols() * scale), Math.round(grey.rows() * scale)), 0, 0, Imgproc.INTER_AREA);
        Mat ink = new Mat();
        Imgproc.threshold(small, ink, 0, 1, Imgproc.THRESH_BINARY_INV | Imgproc.THRESH_OTSU);
        small.release();
        double best = 0;
        double bestScore = -1;
        for (double a = -7; a <= 7; a += 1.0) {
            double s = profileScore(ink, a);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double centre = best;
        for (double a = centre - 0.9; a <= centre + 0.9; a += 0.15) {
            double s = profileScore(ink, a);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        ink.release();
        return best;
    }

    private static double profileScore(Mat ink, double angle) {
        Mat r = rotate(ink, angle);
        Mat rows = new Mat();
        Core.reduce(r, rows, 1, Core.REDUCE_SUM, CvType.CV_32F);
        float[] v = new float[rows.rows()];
        rows.get(0, 0, v);
        r.release();
        rows.release();
        double sum = 0;
        double sq = 0;
        for (float x : v) {
            sum += x;
            sq += (double) x * x;
        }
        double mean = sum / v.length;
        return sq / v.length - mean * mean;
    }

    static Mat rotate(Mat m, double angle) {
        Mat rot = Imgproc.getRotationMatrix2D(new Point(m.cols() / 2.0, m.rows() / 2.0), angle, 1.0);
        Mat out = new Mat();
        Imgproc.warpAffine(m, out, rot, m.size(), Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        rot.release();
        return out;
    }
}
