package com.autochec.document.document;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** VIN validation and French plate normalisation (SIV AA-123-AA; older FNI plates kept compact). */
public final class VehicleIds {

    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
    private static final Pattern SIV = Pattern.compile("([A-Z]{2})([0-9]{3})([A-Z]{2})");
    private static final Pattern FNI = Pattern.compile("[0-9]{1,4}[A-Z]{1,3}(?:[0-9]{2}|2A|2B|97[1-6])");

    private VehicleIds() {}

    /** The VIN upper-cased, if it has 17 characters without I, O or Q. */
    public static Optional<String> vin(String raw) {
        if (raw == null) return Optional.empty();
        String vin = raw.strip().toUpperCase(Locale.ROOT);
        return VIN.matcher(vin).matches() ? Optional.of(vin) : Optional.empty();
    }

    /** The plate normalised (AB-123-CD for SIV, compact for FNI), if it is plausible. */
    public static Optional<String> plate(String raw) {
        if (raw == null || raw.length() > 20) return Optional.empty();
        String compact = raw.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        var siv = SIV.matcher(compact);
        if (siv.matches()) return Optional.of(siv.group(1) + "-" + siv.group(2) + "-" + siv.group(3));
        return FNI.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }
}
