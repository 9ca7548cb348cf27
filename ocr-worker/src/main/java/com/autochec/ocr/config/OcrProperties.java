package com.autochec.ocr.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the ocr-worker.
 *
 * @param plateEngine engine used for plates: {@code ppocr} (default) or {@code tesseract}
 * @param maxImageBytes largest record accepted (bytes); larger records fail with IMAGE_TOO_LARGE
 * @param maxImagePixels largest pixel count accepted, read from the header before decoding
 * @param maxPlateSide longest side a plate photo is scaled down to before reading
 * @param maxDocumentSide longest side a document photo is scaled down to before reading
 * @param timeLimit per-image reading time limit; past it the reading fails with TIMEOUT
 * @param concurrency listener threads per topic; 0 = number of cores
 * @param tessdata Tesseract data directory
 */
@ConfigurationProperties("autochec.ocr")
public record OcrProperties(
        String plateEngine,
        long maxImageBytes,
        long maxImagePixels,
        int maxPlateSide,
        int maxDocumentSide,
        Duration timeLimit,
        int concurrency,
        String tessdata) {

    public OcrProperties {
        plateEngine = plateEngine == null || plateEngine.isBlank() ? "ppocr" : plateEngine;
        maxImageBytes = maxImageBytes > 0 ? maxImageBytes : 10L * 1024 * 1024;
        maxImagePixels = maxImagePixels > 0 ? maxImagePixels : 40_000_000L;
        maxPlateSide = maxPlateSide > 0 ? maxPlateSide : 1600;
        maxDocumentSide = maxDocumentSide > 0 ? maxDocumentSide : 2400;
        timeLimit = timeLimit == null ? Duration.ofSeconds(20) : timeLimit;
        tessdata = tessdata == null || tessdata.isBlank() ? "/usr/share/tesseract-ocr/5/tessdata" : tessdata;
    }

    /** Effective listener concurrency. */
    public int effectiveConcurrency() {
        return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
    }

    /** Defaults, for the benchmark and tests. */
    public static OcrProperties defaults() {
        return new OcrProperties(null, 0, 0, 0, 0, null, 0, null);
    }
}
