package com.autochec.verification.rules;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * French plate normalisation: any case, spaces, dashes and dots are accepted; the result is the
 * canonical SIV form {@code AA-123-AA} or the older FNI form {@code 123-AB-45}.
 */
public final class Plates {

    private static final int MAX_INPUT_LENGTH = 32;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]+");
    private static final Pattern SIV = Pattern.compile("([A-Z]{2})([0-9]{3})([A-Z]{2})");
    private static final Pattern FNI = Pattern.compile("([0-9]{1,4})([A-Z]{1,3})([0-9]{2}|2A|2B)");

    private Plates() {}

    /** The canonical plate, or empty when the input is not a French plate. */
    public static Optional<String> normalise(String input) {
        if (input == null || input.length() > MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(input.strip()).replaceAll("").toUpperCase(java.util.Locale.ROOT);
        var siv = SIV.matcher(compact);
        if (siv.matches()) {
            return Optional.of(siv.group(1) + "-" + siv.group(2) + "-" + siv.group(3));
        }
        var fni = FNI.matcher(compact);
        if (fni.matches()) {
            return Optional.of(fni.group(1) + "-" + fni.group(2) + "-" + fni.group(3));
        }
        return Optional.empty();
    }
}
