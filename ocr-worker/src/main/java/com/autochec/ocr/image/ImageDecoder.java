package com.autochec.ocr.image;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Turns untrusted bytes into a BGR 8-bit image, refusing what must not be decoded: records over the
 * byte limit, non-images, headers declaring more pixels than allowed. Applies the EXIF orientation
 * itself and scales the result down so that its longest side is at most {@code maxSide} (a JPEG
 * much larger than that is decoded at 1/2, 1/4 or 1/8 of its size directly).
 */
public final class ImageDecoder {

    private final long maxBytes;
    private final long maxPixels;

    public ImageDecoder(long maxBytes, long maxPixels) {
        OpenCvLoader.ensureLoaded();
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
    }

    private ImageHeader header(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new ImageRejectedException(FailureReason.NOT_AN_IMAGE, "empty record");
        }
        if (bytes.length > maxBytes) {
            throw new ImageRejectedException(FailureReason.IMAGE_TOO_LARGE,
                    "record of " + bytes.length + " bytes exceeds the limit of " + maxBytes);
        }
        ImageHeader header = ImageHeader.read(bytes);
        if (header.format() == ImageFormat.JPEG && !ImageHeader.jpegComplete(bytes)) {
            throw new ImageRejectedException(FailureReason.UNDECODABLE_IMAGE, "truncated or corrupt JPEG (no end-of-image marker)");
        }
        if (header.pixels() > maxPixels) {
            throw new ImageRejectedException(FailureReason.IMAGE_TOO_LARGE, "header declares " + header.width() + "x"
                    + header.height() + " pixels, over the limit of " + maxPixels);
        }
        return header;
    }

    /** Decodes to an 8-bit BGR image whose longest side is at most {@code maxSide}. The caller closes it. */
    public DecodedImage decode(byte[] bytes, int maxSide) {
        ImageHeader header = header(bytes);
        long longest = Math.max(header.width(), header.height());
        int reduction = header.format() == ImageFormat.JPEG ? jpegReduction(longest, maxSide) : 1;
        MatOfByte buffer = new MatOfByte(bytes);
        Mat image;
        try {
            image = Imgcodecs.imdecode(buffer, readFlag(reduction) | Imgcodecs.IMREAD_IGNORE_ORIENTATION);
        } finally {
            buffer.release();
        }
        if (image == null || image.empty()) {
            throw new ImageRejectedException(FailureReason.UNDECODABLE_IMAGE, header.format() + " data cannot be decoded");
        }
        if (image.cols() != ceilDiv(header.width(), reduction) || image.rows() != ceilDiv(header.height(), reduction)) {
            image.release();
            throw new ImageRejectedException(FailureReason.UNDECODABLE_IMAGE, "decoded size differs from the header");
        }
        image = orient(image, header.orientation());
        Mat limited = limit(image, maxSide);
        return new DecodedImage(limited, (double) Math.max(limited.cols(), limited.rows()) / longest);
    }

    /**
     * The largest JPEG decoding reduction (1, 2, 4 or 8: libjpeg scales while it decodes, far cheaper
     * than decoding every pixel and scaling down after) that still leaves the longest side at least
     * {@code maxSide}, so that the final scaling down to {@code maxSide} loses nothing.
     */
    static int jpegReduction(long longest, int maxSide) {
        if (maxSide <= 0) {
            return 1;
        }
        for (int r = 8; r > 1; r /= 2) {
            if (ceilDiv(longest, r) >= maxSide) {
                return r;
            }
        }
        return 1;
    }

    private static int readFlag(int reduction) {
        return switch (reduction) {
            case 2 -> Imgcodecs.IMREAD_REDUCED_COLOR_2;
            case 4 -> Imgcodecs.IMREAD_REDUCED_COLOR_4;
            case 8 -> Imgcodecs.IMREAD_REDUCED_COLOR_8;
            default -> Imgcodecs.IMREAD_COLOR;
        };
    }

    private static long ceilDiv(long a, int b) {
        return (a + b - 1) / b;
    }

    static Mat orient(Mat image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        Mat out = new Mat();
        switch (orientation) {
            case 2 -> Core.flip(image, out, 1);
            case 3 -> Core.rotate(image, out, Core.ROTATE_180);
            case 4 -> Core.flip(image, out, 0);
            case 5 -> { // transpose
                Core.transpose(image, out);
            }
            case 6 -> Core.rotate(image, out, Core.ROTATE_90_CLOCKWISE);
            case 7 -> { // transverse
                Core.transpose(image, out);
                Core.flip(out, out, -1);
            }
            case 8 -> Core.rotate(image, out, Core.ROTATE_90_COUNTERCLOCKWISE);
            default -> image.copyTo(out);
        }
        image.release();
        return out;
    }

    static Mat limit(Mat image, int maxSide) {
        int longest = Math.max(image.cols(), image.rows());
        if (maxSide <= 0 || longest <= maxSide) {
            return image;
        }
        double scale = (double) maxSide / longest;
        Mat out = new Mat();
        Imgproc.resize(image, out, new Size(Math.max(1, Math.round(image.cols() * scale)),
                Math.max(1, Math.round(image.rows() * scale))), 0, 0, Imgproc.INTER_AREA);
        image.release();
        return out;
    }
}
