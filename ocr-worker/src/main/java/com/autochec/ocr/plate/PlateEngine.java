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

    List<TextLine> readLines(Mat bgr, Deadline deadline);

    @Override
    default void close() {}
}
