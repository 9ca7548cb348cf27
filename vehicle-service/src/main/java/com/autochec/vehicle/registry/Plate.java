package com.autochec.vehicle.registry;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A French licence plate, normalised.
 *
 * <ul>
 *   <li>SIV (since 2009): {@code AA-123-AA}; the number runs from 001 to 999. The issuing rules (no I, O
 *       or U, no SS or WW) are not enforced here: the registry must hold every plate found on real
 *       registrations and in reference data (e.g. the fixed demo vehicle {@code ST-123-OL}), so only the
 *       shape is checked.
 *   <li>FNI (before 2009): 1-4 digits, 1-3 letters and the département ({@code 01}-{@code 95},
 *       {@code 2A}, {@code 2B}, {@code 971}-{@code 976}), normalised with dashes: {@code 123-AB-45},
 *       {@code 1234-ABC-75}.
 * </ul>
 *
 * Input may be in any case, with or without spaces, dashes or dots between the groups.
 */
public record Plate(String value, Format format) {

    public enum Format {
        SIV,
        FNI
    }

    private static final int MAX_INPUT_LENGTH = 20;
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-]+");
    private static final Pattern ALLOWED = Pattern.compile("[A-Z0-9]+");
    private static final Pattern SIV = Pattern.compile("([A-Z]{2})(\\d{3})([A-Z]{2})");
    private static final Pattern FNI = Pattern.compile("(\\d{1,4})([A-Z]{1,3})(2A|2B|97[1-6]|\\d{2})");

    public Plate {
        if (value == null || format == null) {
            throw new IllegalArgumentException("plate value and format are required");
        }
    }

    /** Parses and normalises a plate typed by a person or read by OCR. */
    public static Plate parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidPlateException("plate is required");
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            throw new InvalidPlateException("plate is too long");
        }
        String compact = SEPARATORS.matcher(input.strip().toUpperCase(Locale.ROOT)).replaceAll("");
        if (compact.isEmpty()) {
            throw new InvalidPlateException("plate is required");
        }
        if (!ALLOWED.matcher(compact).matches()) {
            throw new InvalidPlateException("plate may only contain letters, digits, spaces, dashes and dots");
        }
        Matcher siv = SIV.matcher(compact);
        if (siv.matches()) {
            return siv(siv.group(1), siv.group(2), siv.group(3));
        }
        Matcher fni = FNI.matcher(compact);
        if (fni.matches()) {
            return fni(fni.group(1), fni.group(2), fni.group(3));
        }
        throw new InvalidPlateException("plate must look like AA-123-AA (SIV) or 123-AB-45 (FNI)");
    }

    /** The normalised plate, or empty when the input is not a valid plate. */
    public static Optional<Plate> tryParse(String input) {
        try {
            return Optional.of(parse(input));
        } catch (InvalidPlateException e) {
            return Optional.empty();
        }
    }

    private static Plate siv(String left, String number, String right) {
        if ("000".equals(number)) {
            throw new InvalidPlateException("plate number 000 is not issued");
        }
        return new Plate(left + "-" + number + "-" + right, Format.SIV);
    }

    private static Plate fni(String number, String letters, String department) {
        if (Integer.parseInt(number) == 0) {
            throw new InvalidPlateException("plate number 0 is not issued");
        }
        if (department.chars().allMatch(Character::isDigit) && department.length() == 2) {
            int dep = Integer.parseInt(department);
            if (dep < 1 || dep > 95) {
                throw new InvalidPlateException("département " + department + " does not exist");
            }
        }
        return new Plate(number + "-" + letters + "-" + department, Format.FNI);
    }

    @Override
    public String toString() {
        return value;
    }
}
