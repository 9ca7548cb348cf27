package com.autochec.vehicle.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A vehicle identification number (ISO 3779): 17 characters, digits and capital letters except I, O
 * and Q. Input is trimmed and upper-cased. The position-9 check digit (mandatory in North America) is
 * not required: European VINs often do not carry one, so {@link #checkDigitValid()} only reports it.
 */
public record Vin(String value) {

    public static final int LENGTH = 17;

    private static final Pattern VALID = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    public Vin {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidVinException("VIN must be 17 letters or digits, without I, O or Q");
        }
    }

    public static Vin parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidVinException("VIN is required");
        }
        String candidate = input.strip().toUpperCase(Locale.ROOT);
        if (candidate.length() != LENGTH) {
            throw new InvalidVinException("VIN must be 17 characters long, got " + Math.min(candidate.length(), 999));
        }
        for (char c : candidate.toCharArray()) {
            if (c == 'I' || c == 'O' || c == 'Q') {
                throw new InvalidVinException("VIN must not contain the letters I, O or Q");
            }
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                throw new InvalidVinException("VIN may only contain letters and digits");
            }
        }
        return new Vin(candidate);
    }

    /** Whether position 9 holds the ISO 3779 / FMVSS 115 check digit of the other sixteen characters. */
    public boolean checkDigitValid() {
        return value.charAt(8) == expectedCheckDigit();
    }

    char expectedCheckDigit() {
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            sum += transliterate(value.charAt(i)) * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    private static int transliterate(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        // A-H = 1-8, J-N = 1-5, P = 7, R = 9, S-Z = 2-9 (I, O, Q never occur).
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> throw new IllegalStateException("not a VIN character: " + c);
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
