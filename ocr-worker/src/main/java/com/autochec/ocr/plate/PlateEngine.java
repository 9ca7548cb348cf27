package com.autochec.ocr.plate;

import com.autochec.ocr.image.Deadline;
import java.util.List;
import org.opencv.core.Mat;

/**
 * Finds and recognises text lines in a BGR photo. Implementations must be safe to call from several
 * threads at once (sharing a thread-safe model, or holding one native engine per thread).
 */
interface PlateEngine extends AutoCloseable {

    /** Stable name, used in {@code PlateRead.engine} and as the metrics {@code engine} tag. */
    String name();

    /**
     * The text lines found in {@code bgr}. An engine that reads lines one by one may ask
     * {@code triage} before each (tallest first) and skip those it says cannot change the result.
     */
    List<TextLine> readLines(Mat bgr, Deadline deadline, LineTriage triage);

    @Override
    default void close() {}
}
