package com.autochec.ocr.document;

import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.ocr.DocumentRead;
import com.autochec.ocr.config.OcrProperties;
import com.autochec.ocr.image.DecodedImage;
import com.autochec.ocr.image.Deadline;
import com.autochec.ocr.image.FailureReason;
import com.autochec.ocr.image.ImageDecoder;
import com.autochec.ocr.image.ImageRejectedException;
import com.autochec.ocr.tesseract.OcrWord;
import com.autochec.ocr.tesseract.TesseractOcr;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencv.core.Mat;

/**
 * Reads vehicle documents (registration certificate, insurance certificate, technical inspection
 * report): decode and limit, clean the page with OpenCV, Tesseract (fra+eng) with one engine per
 * thread, fields extracted by label and validated. Thread-safe.
 */
public final class DocumentReader implements AutoCloseable {

    public static final String ENGINE = "tesseract-fra+eng";

    private final ImageDecoder decoder;
    private final int maxSide;
    private final String tessdata;
    private final List<TesseractOcr> engines = new CopyOnWriteArrayList<>();
    private final ThreadLocal<TesseractOcr> perThread;

    public DocumentReader(OcrProperties properties) {
        this.decoder = new ImageDecoder(properties.maxImageBytes(), properties.maxImagePixels());
        this.maxSide = properties.maxDocumentSide();
        this.tessdata = properties.tessdata();
        this.perThread = ThreadLocal.withInitial(() -> {
            TesseractOcr ocr = new TesseractOcr(tessdata, "fra+eng");
            engines.add(ocr);
            return ocr;
        });
    }

    /** Parses a {@code HEADER_DOCUMENT_TYPE} value; empty for missing or unsupported types. */
    public static java.util.Optional<DocumentType> supportedType(String header) {
        if (header == null) {
            return java.util.Optional.empty();
        }
        try {
            DocumentType t = DocumentType.valueOf(header.strip().toUpperCase(java.util.Locale.ROOT));
            return FieldSpec.BY_TYPE.containsKey(t) ? java.util.Optional.of(t) : java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    public DocumentResult read(byte[] bytes, DocumentType type, Deadline deadline) {
        long start = System.nanoTime();
        try (DecodedImage image = decoder.decode(bytes, maxSide)) {
            deadline.check("decoding");
            Mat page = PagePreparer.prepare(image.image());
            List<OcrWord> words;
            try {
                deadline.check("page preparation");
                words = perThread.get().recognise(page, TesseractOcr.PSM_SINGLE_BLOCK);
            } finally {
                page.release();
            }
            deadline.check("recognition");
            List<DocumentRead.Field> fields = FieldExtractor.extract(type, words);
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (fields.isEmpty()) {
                return new DocumentResult(false, FailureReason.NO_TEXT_FOUND, words.size() + " word(s), no field",
                        List.of(), ENGINE, ms);
            }
            return new DocumentResult(true, null, null, fields, ENGINE, ms);
        } catch (ImageRejectedException e) {
            return new DocumentResult(false, e.reason(), e.getMessage(), List.of(), ENGINE, (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Override
    public void close() {
        engines.forEach(TesseractOcr::close);
        engines.clear();
    }
}
