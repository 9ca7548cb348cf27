package com.autochec.ocr.plate;

import java.util.List;
import org.opencv.core.Rect;

/** A text line found by an engine: its glyphs, mean confidence and axis-aligned box in image pixels. */
record TextLine(List<Glyph> glyphs, double confidence, Rect box) {

    String text() {
        StringBuilder sb = new StringBuilder();
        glyphs.forEach(g -> sb.append(g.best()));
        return sb.toString();
    }

    static TextLine of(String text, double confidence, Rect box) {
        return new TextLine(text.chars().mapToObj(c -> Glyph.certain((char) c, confidence)).toList(), confidence, box);
    }
}
