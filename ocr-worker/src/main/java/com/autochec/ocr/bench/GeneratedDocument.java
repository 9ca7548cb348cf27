package com.autochec.ocr.bench;

import com.autochec.contracts.document.DocumentType;
import java.awt.image.BufferedImage;
import java.util.Map;

/** A rendered document and the field values it shows (normalised as the reader should return them). */
public record GeneratedDocument(DocumentType type, BufferedImage image, Map<String, String> truth) {}
