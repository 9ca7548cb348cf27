package com.autochec.ocr.plate;

import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.plate.PlateKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Plate formats, French first (SIV {@code AA-123-AA}, then the older FNI {@code 123 ABC 75}), then
 * common European layouts, then a generic fallback; and the visual confusions between letters and
 * digits that position-by-position correction may undo (a {@code 0} where a letter must stand is an
 * {@code O}, a {@code 1} an {@code I}…), each with how likely the confusion is.
 *
 * <p>The formats here are decoding tables: they say which character class to pick at each position and
 * how much to trust a fit. Whether a decoded French reading really is a French plate (département,
 * number not zero) is decided by {@link Plate}, the rule every service shares.
 */
final class PlateGrammar {

    /** Weight of a reading that fits no format (letters and digits, 4 to 8 characters). */
    static final double GENERIC_PRIOR = 0.4;

    private static final String LETTERS_DIGITS = "O0 Q0 D0 I1 L1 J1 Z2 S5 B8 G6 A4 T7";
    private static final double[] CONFUSION_WEIGHTS = {0.7, 0.3, 0.3, 0.6, 0.25, 0.25, 0.4, 0.4, 0.4, 0.4, 0.25, 0.25};

    private final List<PlateFormat> formats;

    PlateGrammar(List<PlateFormat> formats) {
        this.formats = List.copyOf(formats);
    }

    static PlateGrammar standard() {
        List<PlateFormat> f = new ArrayList<>();
        // France, SIV (since 2009): AA-123-AA; I, O and U are never used; SS and WW series are special
        f.add(new PlateFormat("FR-SIV", "LL DDD LL", 1.0, "IOU",
                s -> !s.startsWith("SS") && !s.endsWith("SS") && isFrenchSiv(s)));
        // France, FNI (before 2009): 1-4 digits, 1-3 letters (never I, O, U), department (01-95, 2A, 2B,
        // 971-976, checked by Plate); at least three characters before the department
        for (int d = 1; d <= 4; d++) {
            for (int l = 1; l <= 3; l++) {
                if (d + l >= 3 && d + l + 2 <= 9) {
                    String digits = "D".repeat(d);
                    String letters = "L".repeat(l);
                    f.add(new PlateFormat("FR-FNI", digits + " " + letters + " DD", 0.9, "IOU", PlateGrammar::isFrenchFni));
                    f.add(new PlateFormat("FR-FNI", digits + " " + letters + " DL", 0.85, "IOU", PlateGrammar::isFrenchFni));
                    if (d + l + 3 <= 9) {
                        f.add(new PlateFormat("FR-FNI", digits + " " + letters + " DDD", 0.85, "IOU", PlateGrammar::isFrenchFni));
                    }
                }
            }
        }
        // Europe: two letters, three digits, two letters (IT, SK, HR…)
        f.add(new PlateFormat("EU-LL-DDD-LL", "LL DDD LL", 0.97, "", null));
        // Czech Republic: district digit-letter-(letter|digit), four digits
        f.add(new PlateFormat("EU-CZ", "DLA DDDD", 0.9, "", null));
        // three letters, four digits (older CZ/SK, PL, RO…)
        f.add(new PlateFormat("EU-LLL-DDDD", "LLL DDDD", 0.85, "", null));
        // United Kingdom: AB12 CDE
        f.add(new PlateFormat("EU-UK", "LLDD LLL", 0.9, "", null));
        // Spain: 1234 BCD
        f.add(new PlateFormat("EU-ES", "DDDD LLL", 0.9, "AEIOUQ", null));
        return new PlateGrammar(f);
    }

    List<PlateFormat> formats() {
        return formats;
    }

    /** The highest prior of any reading: of the formats and of the generic fallback. */
    double maxPrior() {
        return Math.max(GENERIC_PRIOR, formats.stream().mapToDouble(PlateFormat::prior).max().orElse(0));
    }

    /** Whether {@code plate} is an SIV plate (ordinary or temporary) for {@link Plate}. */
    static boolean isFrenchSiv(String plate) {
        PlateKind kind = Plate.tryParse(plate).map(Plate::kind).orElse(null);
        return kind == PlateKind.SIV || kind == PlateKind.SIV_TEMPORARY;
    }

    /** Whether {@code plate} is an FNI plate, mainland or overseas, for {@link Plate}: a real département, a number not zero. */
    static boolean isFrenchFni(String plate) {
        PlateKind kind = Plate.tryParse(plate).map(Plate::kind).orElse(null);
        return kind == PlateKind.FNI || kind == PlateKind.FNI_OVERSEAS;
    }

    /**
     * How plausible it is that {@code read} was really {@code meant}, from visual confusion alone: 1
     * when equal, the confusion weight for a known letter/digit pair, 0 otherwise.
     */
    static double confusion(char read, char meant) {
        if (read == meant) {
            return 1.0;
        }
        if (read >= CONFUSION.length || meant >= CONFUSION.length) {
            return 0.0;
        }
        return CONFUSION[read][meant];
    }

    /** {@code CONFUSION[read][meant]}: the weights of {@link #LETTERS_DIGITS}, both ways, for ASCII. */
    private static final double[][] CONFUSION = confusionTable();

    private static double[][] confusionTable() {
        double[][] table = new double[128][128];
        String[] pairs = LETTERS_DIGITS.split(" ");
        for (int i = 0; i < pairs.length; i++) {
            char letter = pairs[i].charAt(0);
            char digit = pairs[i].charAt(1);
            table[letter][digit] = CONFUSION_WEIGHTS[i];
            table[digit][letter] = CONFUSION_WEIGHTS[i];
        }
        return table;
    }
}
