package com.autochec.vehicle.registry;

import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.plate.PlateKind;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The plates one substitution away from a plate, for the fuzzy search: each character replaced in turn,
 * so the registry can be asked for them by key ({@code $in}) instead of being scanned.
 *
 * <p>For a French plate, a letter is replaced by another letter and a digit by another digit, and only
 * well-formed plates of the same format are kept (an SIV plate gives SIV plates, a temporary {@code WW}
 * plate counting as SIV): 4 &times; 25 + 3 &times; 9 = 127 neighbours for {@code AB-123-CD}. For an input
 * that fits no French format (a misread such as {@code AB-I23-CD}), any character is replaced by any
 * letter or digit and only the French plates are kept: at most 10 &times; 35 candidates are tried.
 */
public final class PlateNeighbours {

    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";

    private PlateNeighbours() {}

    /** The well-formed plates at exactly one substitution from {@code plate}; never {@code plate} itself. */
    public static Set<Plate> substitutions(Plate plate) {
        String compact = plate.compact();
        Set<Plate> out = new LinkedHashSet<>();
        for (int i = 0; i < compact.length(); i++) {
            char original = compact.charAt(i);
            String alphabet = !plate.isFrench() ? LETTERS + DIGITS : isDigit(original) ? DIGITS : LETTERS;
            for (char replacement : alphabet.toCharArray()) {
                if (replacement == original) {
                    continue;
                }
                String candidate = compact.substring(0, i) + replacement + compact.substring(i + 1);
                Plate.tryParse(candidate)
                        .filter(p -> plate.isFrench() ? sameFormat(plate.kind(), p.kind()) : p.isFrench())
                        .ifPresent(out::add);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static boolean sameFormat(PlateKind a, PlateKind b) {
        return family(a) == family(b);
    }

    private static PlateKind family(PlateKind kind) {
        return kind == PlateKind.SIV_TEMPORARY ? PlateKind.SIV : kind;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
