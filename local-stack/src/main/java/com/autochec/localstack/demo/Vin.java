package com.autochec.localstack.demo;

/** ISO 3779 vehicle identification numbers: check digit (position 9) and model-year code (position 10). */
final class Vin {

    static final String ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final String YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";

    private Vin() {
    }

    /** Builds a VIN from its parts, computing the check digit. */
    static String of(String wmi, String vds, int modelYear, char plant, int serial) {
        String draft = wmi + vds + "0" + yearCode(modelYear) + plant + String.format("%06d", serial);
        if (draft.length() != 17) {
            throw new IllegalArgumentException("VIN parts must make 17 characters: " + draft);
        }
        return draft.substring(0, 8) + checkDigit(draft) + draft.substring(9);
    }

    /** Model-year code: 1980 = A … 2000 = Y, 2001 = 1 … 2009 = 9, 2010 = A again (30-year cycle). */
    static char yearCode(int year) {
        return YEAR_CODES.charAt(Math.floorMod(year - 1980, 30));
    }

    static char checkDigit(String vin) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += value(vin.charAt(i)) * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    static boolean isValid(String vin) {
        if (vin == null || vin.length() != 17) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (ALPHABET.indexOf(vin.charAt(i)) < 0) {
                return false;
            }
        }
        return vin.charAt(8) == checkDigit(vin);
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
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
            default -> throw new IllegalArgumentException("not a VIN character: " + c);
        };
    }
}
