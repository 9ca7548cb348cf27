package com.autochec.ocr.tesseract;

import org.opencv.core.Rect;

/** One word recognised by Tesseract: text, confidence in [0,1], box, and the index of its text line. */
public record OcrWord(String text, double confidence, Rect box, int line) {}
