package com.autochec.ocr.plate;

import com.autochec.contracts.plate.Plate;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Rect;

/**
 * Normalises a plate written in a document (e.g. {@code "AB-123-CD"}, {@code "AB 123 CD"}): the plate
 * grammar undoes OCR confusions, {@link Plate} decides it is a plate and gives its compact form.
 */
public final class PlateNormaliser {

    private static final CandidateSelector SELECTOR = new CandidateSelector(PlateGrammar.standard());

    private PlateNormaliser() {}

    /** The best reading of {@code text} as a plate that fits a known format (not the generic one), compact. */
    public static Optional<String> normalise(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<Candidate> candidates = SELECTOR.select(List.of(TextLine.of(text.toUpperCase(), 1.0, new Rect(0, 0, 1, 1))), 5);
        return candidates.stream()
                .filter(c -> !c.format().equals("GENERIC"))
                .flatMap(c -> Plate.tryParse(c.text()).stream())
                .map(Plate::compact)
                .findFirst();
    }
}
