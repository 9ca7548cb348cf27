package com.autochec.verification.check;

import com.autochec.contracts.plate.Plate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The plates a reading may really be: the look-alike variants of {@code contracts}' {@link Plate} (O/0, I/1…)
 * and every French plate one character away (added, removed or replaced). Each with the share of the
 * reading's confidence it keeps. Looked up in the read model with one query by {@code _id}.
 */
final class PlateOptions {

    static final double CONFUSABLE_FACTOR = 0.9;
    static final double ONE_EDIT_FACTOR = 0.5;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private PlateOptions() {}

    /** Variant → origin (CONFUSABLE or ONE_EDIT), French plates only, the plate itself excluded. */
    static Map<String, String> fuzzy(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Plate.tryParse(text).ifPresent(p -> p.confusableVariants().forEach(v -> out.putIfAbsent(v.value(), "CONFUSABLE")));
        String compact = text == null ? "" : text.replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT);
        if (compact.length() < 2 || compact.length() > Plate.MAX_LENGTH) {
            return out;
        }
        String self = Plate.tryParse(compact).map(Plate::value).orElse(compact);
        Set<String> edits = new LinkedHashSet<>();
        for (int i = 0; i < compact.length(); i++) {
            edits.add(compact.substring(0, i) + compact.substring(i + 1));
            for (char c : ALPHABET.toCharArray()) {
                edits.add(compact.substring(0, i) + c + compact.substring(i + 1));
            }
        }
        for (int i = 0; i <= compact.length(); i++) {
            for (char c : ALPHABET.toCharArray()) {
                edits.add(compact.substring(0, i) + c + compact.substring(i));
            }
        }
        for (String edit : edits) {
            Plate.tryParse(edit)
                    .filter(Plate::isFrench)
                    .map(Plate::value)
                    .filter(v -> !v.equals(self))
                    .ifPresent(v -> out.putIfAbsent(v, "ONE_EDIT"));
        }
        return out;
    }

    static double factor(String origin) {
        return switch (origin) {
            case "CONFUSABLE" -> CONFUSABLE_FACTOR;
            case "ONE_EDIT" -> ONE_EDIT_FACTOR;
            default -> 1.0;
        };
    }
}
