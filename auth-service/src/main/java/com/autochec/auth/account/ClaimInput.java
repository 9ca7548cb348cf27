package com.autochec.auth.account;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises and checks a claim's plate and VIN. Plates: French SIV ({@code AB-123-CD}) or FNI
 * ({@code 1234 AB 56}) written with or without spaces and dashes, stored as {@code AB-123-CD} /
 * {@code 1234-AB-56}. VIN: 17 characters, letters and digits except I, O and Q.
 */
record ClaimInput(String plate, String vin) {

    private static final Pattern SIV = Pattern.compile("([A-Z]{2})([0-9]{3})([A-Z]{2})");
    private static final Pattern FNI = Pattern.compile("([0-9]{1,4})([A-Z]{2,3})([0-9]{2}|2A|2B)");
    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");

    static ClaimInput parse(String rawPlate, String rawVin) {
        List<FieldError> errors = new ArrayList<>();
        String plate = normalisePlate(rawPlate);
        if (plate == null) {
            errors.add(new FieldError("plate", "must be a French plate such as AB-123-CD"));
        }
        String vin = rawVin == null ? "" : rawVin.strip().toUpperCase(Locale.ROOT);
        if (!VIN.matcher(vin).matches()) {
            errors.add(new FieldError("vin", "must be 17 letters or digits (no I, O or Q)"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return new ClaimInput(plate, vin);
    }

    static String normalisePlate(String raw) {
        if (raw == null || raw.length() > 20) {
            return null;
        }
        String compact = raw.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        var siv = SIV.matcher(compact);
        if (siv.matches()) {
            return siv.group(1) + "-" + siv.group(2) + "-" + siv.group(3);
        }
        var fni = FNI.matcher(compact);
        if (fni.matches()) {
            return fni.group(1) + "-" + fni.group(2) + "-" + fni.group(3);
        }
        return null;
    }
}
