package com.autochec.ocr.plate;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.ocr.image.Deadline;
import com.autochec.ocr.image.DecodedImage;
import com.autochec.ocr.image.ImageDecoder;
import com.autochec.ocr.testing.TestImages;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Line triage in the PP-OCR engine, on a plate scene with a smaller dealer's line above the plate. */
class PpOcrEngineTest {

    private static PpOcrEngine engine;
    private static DecodedImage scene;
    private final CandidateSelector selector = new CandidateSelector(PlateGrammar.standard());

    @BeforeAll
    static void load() {
        engine = new PpOcrEngine(PlateReader.DETECTION_MAX_SIDE);
        BufferedImage img = TestImages.plateScene("FG-204-KL");
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(200, 240, 240, 30);
        g.setColor(Color.BLACK);
        g.setFont(new Font("DejaVu Sans", Font.BOLD, 18));
        g.drawString("GARAGE MARTIN", 230, 262);
        g.dispose();
        scene = new ImageDecoder(10_000_000, 40_000_000).decode(TestImages.png(img), 1600);
    }

    @AfterAll
    static void close() {
        scene.close();
        engine.close();
    }

    @Test
    void asksAboutLinesTallestFirst() {
        List<Integer> asked = new ArrayList<>();
        List<TextLine> lines = engine.readLines(scene.image(), Deadline.none(), (read, height) -> asked.add(height));
        assertThat(asked).hasSizeGreaterThanOrEqualTo(2);
        assertThat(asked).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(lines).extracting(TextLine::text).anyMatch(t -> t.contains("204")).anyMatch(t -> t.contains("GARAGE"));
    }

    @Test
    void readsNothingWhenNoLineIsWorthReading() {
        assertThat(engine.readLines(scene.image(), Deadline.none(), (read, height) -> false)).isEmpty();
    }

    @Test
    void skippingLinesTheSelectorRulesOutKeepsTheBestCandidate() {
        List<TextLine> all = engine.readLines(scene.image(), Deadline.none(), LineTriage.ALL);
        List<TextLine> triaged = engine.readLines(scene.image(), Deadline.none(), selector::couldChangeBest);
        assertThat(triaged.size()).isLessThan(all.size()); // the dealer's line cannot beat a clear SIV plate
        Candidate best = selector.select(all, 1).get(0);
        assertThat(best.text()).isEqualTo("FG204KL");
        assertThat(selector.select(triaged, 1)).containsExactly(best);
    }
}
