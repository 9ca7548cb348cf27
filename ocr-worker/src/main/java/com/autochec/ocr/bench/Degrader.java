package com.autochec.ocr.bench;

import com.autochec.ocr.image.OpenCvLoader;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Makes a rendered page look like a phone photo of it: laid on a darker surface with a perspective
 * tilt, rotated by up to ±5°, blurred, unevenly lit, and saved as JPEG quality 40.
 */
public final class Degrader {

    private final Random random;

    public Degrader(long seed) {
        OpenCvLoader.ensureLoaded();
        this.random = new Random(seed);
    }

    /** JPEG bytes of the degraded photo. */
    public byte[] degrade(BufferedImage page) {
        Mat src = toMat(page);
        int w = src.cols();
        int h = src.rows();
        int cw = (int) (w * 1.25);
        int ch = (int) (h * 1.25);
        // perspective: page corners jittered on a surface, then rotated by up to ±5°
        double j = 0.04;
        Point[] corners = {
            new Point(cw * 0.1 + jitter(w * j), ch * 0.1 + jitter(h * j)),
            new Point(cw * 0.1 + w + jitter(w * j), ch * 0.1 + jitter(h * j)),
            new Point(cw * 0.1 + w + jitter(w * j), ch * 0.1 + h + jitter(h * j)),
            new Point(cw * 0.1 + jitter(w * j), ch * 0.1 + h + jitter(h * j))};
        double angle = (random.nextDouble() * 2 - 1) * 5;
        Point centre = new Point(cw / 2.0, ch / 2.0);
        double rad = Math.toRadians(angle);
        for (Point p : corners) {
            double dx = p.x - centre.x;
            double dy = p.y - centre.y;
            p.x = centre.x + dx * Math.cos(rad) - dy * Math.sin(rad);
            p.y = centre.y + dx * Math.sin(rad) + dy * Math.cos(rad);
        }
        MatOfPoint2f from = new MatOfPoint2f(new Point(0, 0), new Point(w, 0), new Point(w, h), new Point(0, h));
        MatOfPoint2f to = new MatOfPoint2f(corners);
        Mat m = Imgproc.getPerspectiveTransform(from, to);
        Mat photo = new Mat(ch, cw, CvType.CV_8UC3, new Scalar(60 + random.nextInt(40), 55 + random.nextInt(40), 50 + random.nextInt(40)));
        Imgproc.warpPerspective(src, photo, m, new Size(cw, ch), Imgproc.INTER_LINEAR, Core.BORDER_TRANSPARENT);
        // blur
        double sigma = 0.6 + random.nextDouble() * 0.8;
        Imgproc.GaussianBlur(photo, photo, new Size(0, 0), sigma);
        // uneven lighting: a linear gradient from 100% down to 60-75% across the photo
        Mat light = new Mat(ch, cw, CvType.CV_32F);
        double dark = 0.6 + random.nextDouble() * 0.15;
        boolean horizontal = random.nextBoolean();
        float[] row = new float[cw];
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                double t = horizontal ? (double) x / cw : (double) y / ch;
                row[x] = (float) (1.0 - (1.0 - dark) * t);
            }
            light.put(y, 0, row);
        }
        Mat light3 = new Mat();
        Imgproc.cvtColor(light, light3, Imgproc.COLOR_GRAY2BGR);
        Mat f = new Mat();
        photo.convertTo(f, CvType.CV_32FC3);
        Core.multiply(f, light3, f);
        f.convertTo(photo, CvType.CV_8UC3);
        MatOfByte jpeg = new MatOfByte();
        Imgcodecs.imencode(".jpg", photo, jpeg, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 40));
        byte[] out = jpeg.toArray();
        for (Mat x : new Mat[] {src, from, to, m, photo, light, light3, f, jpeg}) {
            x.release();
        }
        return out;
    }

    private double jitter(double max) {
        return (random.nextDouble() * 2 - 1) * max;
    }

    static Mat toMat(BufferedImage img) {
        BufferedImage rgb = img;
        if (img.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(img, 0, 0, null);
        }
        int[] px = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
        byte[] bgr = new byte[px.length * 3];
        for (int i = 0; i < px.length; i++) {
            bgr[i * 3] = (byte) px[i];
            bgr[i * 3 + 1] = (byte) (px[i] >> 8);
            bgr[i * 3 + 2] = (byte) (px[i] >> 16);
        }
        Mat m = new Mat(rgb.getHeight(), rgb.getWidth(), CvType.CV_8UC3);
        m.put(0, 0, bgr);
        return m;
    }
}
