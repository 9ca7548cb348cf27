package com.autochec.ocr.document;

import com.autochec.contracts.ocr.DocumentRead;
import com.autochec.ocr.image.FailureReason;
import java.util.List;

/** The outcome of reading one document photo: fields with confidences and validity, or why it failed. */
public record DocumentResult(
        boolean success,
        FailureReason failureReason,
        String detail,
        List<DocumentRead.Field> fields,
        String engine,
        long durationMillis) {}
