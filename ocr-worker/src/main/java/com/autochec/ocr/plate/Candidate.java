package com.autochec.ocr.plate;

import org.opencv.core.Rect;

/** A plate-like reading: normalised text, score in [0,1], the format it fits, and its box. */
record Candidate(String text, double score, String format, Rect box) {}
