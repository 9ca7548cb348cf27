package com.autochec.ocr.tesseract;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * One native Tesseract engine, driven through tess4j's C API binding with raw grey bytes (tess4j's
 * {@code BufferedImage} path needs a newer Leptonica than Debian's). Not thread-safe: use one
 * instance per thread. Debian's libtesseract uses OpenMP: run with {@code OMP_THREAD_LIMIT=1}.
 */
public final class TesseractOcr implements AutoCloseable {

    public static final int PSM_AUTO = 3;
    public static final int PSM_SINGLE_BLOCK = 6;
    public static final int PSM_SINGLE_LINE = 7;
    public static final int PSM_SPARSE = 11;

    private static final int RIL_TEXTLINE = 2;
    private static final int RIL_WORD = 3;

    private static volatile TessAPI api;

    private final ITessAPI.TessBaseAPI handle;
    private boolean closed;

    public TesseractOcr(String tessdata, String languages) {
        TessAPI a = api();
        handle = a.TessBaseAPICreate();
        int rc = a.TessBaseAPIInit3(handle, tessdata, languages);
        if (rc != 0) {
            a.TessBaseAPIDelete(handle);
            throw new IllegalStateException("Tesseract cannot load " + languages + " from " + tessdata);
        }
    }

    private static TessAPI api() {
        if (api == null) {
            synchronized (TesseractOcr.class) {
                if (api == null) {
                    // Debian ships libtesseract.so.5 only; JNA finds the versioned name on Linux
                    api = Native.load("tesseract", TessAPI.class);
                }
            }
        }
        return api;
    }

    public void setVariable(String name, String value) {
        api().TessBaseAPISetVariable(handle, name, value);
    }

    /** Recognises an 8-bit single-channel image and returns its words in reading order. */
    public List<OcrWord> recognise(Mat grey, int pageSegMode) {
        if (grey.type() != CvType.CV_8UC1) {
            throw new IllegalArgumentException("expected an 8-bit grey image");
        }
        TessAPI a = api();
        int w = grey.cols();
        int h = grey.rows();
        byte[] px = new byte[w * h];
        Mat continuous = grey.isContinuous() ? grey : grey.clone();
        continuous.get(0, 0, px);
        if (continuous != grey) {
            continuous.release();
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(px.length);
        buffer.put(px).flip();
        a.TessBaseAPISetPageSegMode(handle, pageSegMode);
        a.TessBaseAPISetImage(handle, buffer, w, h, 1, w);
        a.TessBaseAPISetSourceResolution(handle, 300);
        List<OcrWord> words = new ArrayList<>();
        try {
            if (a.TessBaseAPIRecognize(handle, null) != 0) {
                return words;
            }
            // with a character whitelist the LSTM may report 0 for single words: fall back to the page mean
            int meanConfidence = a.TessBaseAPIMeanTextConf(handle);
            ITessAPI.TessResultIterator ri = a.TessBaseAPIGetIterator(handle);
            if (ri == null) {
                return words;
            }
            try {
                ITessAPI.TessPageIterator pi = a.TessResultIteratorGetPageIterator(ri);
                IntBuffer left = IntBuffer.allocate(1);
                IntBuffer top = IntBuffer.allocate(1);
                IntBuffer right = IntBuffer.allocate(1);
                IntBuffer bottom = IntBuffer.allocate(1);
                int line = -1;
                do {
                    if (a.TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE) != 0) {
                        line++;
                    }
                    Pointer text = a.TessResultIteratorGetUTF8Text(ri, RIL_WORD);
                    if (text == null) {
                        continue;
                    }
                    String s = text.getString(0, "UTF-8");
                    a.TessDeleteText(text);
                    float conf = a.TessResultIteratorConfidence(ri, RIL_WORD);
                    if (conf <= 0) {
                        conf = meanConfidence;
                    }
                    a.TessPageIteratorBoundingBox(pi, RIL_WORD, left, top, right, bottom);
                    if (!s.isBlank()) {
                        words.add(new OcrWord(s.strip(), Math.max(0, Math.min(1, conf / 100.0)),
                                new Rect(left.get(0), top.get(0), right.get(0) - left.get(0), bottom.get(0) - top.get(0)),
                                Math.max(0, line)));
                    }
                } while (a.TessPageIteratorNext(pi, RIL_WORD) != 0);
            } finally {
                a.TessResultIteratorDelete(ri);
            }
            return words;
        } finally {
            a.TessBaseAPIClear(handle);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            api().TessBaseAPIEnd(handle);
            api().TessBaseAPIDelete(handle);
        }
    }
}
