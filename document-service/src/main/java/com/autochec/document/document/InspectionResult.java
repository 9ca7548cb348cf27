package com.autochec.document.document;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The result codes of a technical inspection (CT) as the contracts carry them; the French words (favorable,
 * défavorable, contre-visite) are accepted as input.
 */
public final class InspectionResult {

    public static final String FAVOURABLE = "FAVOURABLE";
    public static final String UNFAVOURABLE = "UNFAVOURABLE";
    public static final String COUNTER_VISIT = "COUNTER_VISIT";

    private InspectionResult() {}

    /** The code for a result as typed or read (English code or French word), or null when unknown or blank. */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String s = Normalizer.normalize(raw.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", "_");
        return switch (s) {
            case "FAVOURABLE", "FAVORABLE" -> FAVOURABLE;
            case "UNFAVOURABLE", "DEFAVORABLE" -> UNFAVOURABLE;
            case "COUNTER_VISIT", "CONTRE_VISITE", "CONTREVISITE" -> COUNTER_VISIT;
            default -> null;
        };
    }
}
