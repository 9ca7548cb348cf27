package com.autochec.ocr.plate;

import com.autochec.contracts.ocr.PlateRead;
import com.autochec.contracts.plate.Plate;
import com.autochec.ocr.config.OcrProperties;
import com.autochec.ocr.image.DecodedImage;
import com.autochec.ocr.image.Deadline;
import com.autochec.ocr.image.FailureReason;
import com.autochec.ocr.image.ImageDecoder;
import com.autochec.ocr.image.ImageRejectedException;
import java.util.List;
import org.opencv.core.Rect;

/**
 * Reads a licence plate from untrusted image bytes: decode and limit, find and recognise text with
 * the configured engine, keep the plate-like readings corrected by the plate grammar that {@link Plate}
 * accepts, in compact form. Thread-safe.
 */
public final class PlateReader implements AutoCloseable {

    /** Candidates published per reading. */
    public static final int TOP_CANDIDATES = 3;
    /** Largest side the detector works at; larger photos are scaled down for detection only. */
    static final int DETECTION_MAX_SIDE = 736;

    private final PlateEngine engine;
    private final ImageDecoder decoder;
    private final CandidateSelector selector = new CandidateSelector(PlateGrammar.standard());
    private final int maxSide;

    PlateReader(PlateEngine engine, ImageDecoder decoder, int maxSide) {
        this.engine = engine;
        this.decoder = decoder;
        this.maxSide = maxSide;
    }

    /** Creates a reader with engine {@code ppocr} (PP-OCRv4 on ONNX Runtime) or {@code tesseract}. */
    public static PlateReader create(String engineName, OcrProperties properties) {
        ImageDecoder decoder = new ImageDecoder(properties.maxImageBytes(), properties.maxImagePixels());
        PlateEngine engine = switch (engineName) {
            case "ppocr" -> new PpOcrEngine(DETECTION_MAX_SIDE);
            case "tesseract" -> new TesseractPlateEngine(properties.tessdata());
            default -> throw new IllegalArgumentException("unknown plate engine " + engineName + " (ppocr, tesseract)");
        };
        return new PlateReader(engine, decoder, properties.maxPlateSide());
    }

    public String engineName() {
        return engine.name();
    }

    public PlateResult read(byte[] bytes, Deadline deadline) {
        long start = System.nanoTime();
        try (DecodedImage image = decoder.decode(bytes, maxSide)) {
            deadline.check("decoding");
            List<TextLine> lines = engine.readLines(image.image(), deadline, selector::couldChangeBest);
            List<Candidate> candidates = selector.select(lines, TOP_CANDIDATES).stream()
                    .flatMap(c -> Plate.tryParse(c.text()).stream()
                            .map(p -> new Candidate(p.compact(), c.score(), c.format(), c.box())))
                    .toList();
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (candidates.isEmpty()) {
                return PlateResult.failed(FailureReason.NO_PLATE_FOUND,
                        lines.size() + " text line(s), none plate-like", engine.name(), ms);
            }
            List<PlateRead.PlateCandidate> out = candidates.stream()
                    .map(c -> new PlateRead.PlateCandidate(c.text(), round(c.score()), box(c.box(), image.scale())))
                    .toList();
            PlateRead.ColourEstimate colour = BodyColour.estimate(image.image(), candidates.get(0).box()).orElse(null);
            return new PlateResult(true, null, null, out, engine.name(), (System.nanoTime() - start) / 1_000_000, colour);
        } catch (ImageRejectedException e) {
            return PlateResult.failed(e.reason(), e.getMessage(), engine.name(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static double round(double v) {
        return Math.round(Math.min(1.0, Math.max(0.0, v)) * 10_000) / 10_000.0;
    }

    static PlateRead.Box box(Rect r, double scale) {
        if (r == null) {
            return null;
        }
        return new PlateRead.Box((int) Math.round(r.x / scale), (int) Math.round(r.y / scale),
                (int) Math.round(r.width / scale), (int) Math.round(r.height / scale));
    }

    @Override
    public void close() {
        engine.close();
    }
}
