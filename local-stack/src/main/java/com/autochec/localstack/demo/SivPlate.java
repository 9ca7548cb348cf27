package com.autochec.localstack.demo;

import java.util.Random;
import java.util.regex.Pattern;

/** French SIV plates {@code AA-123-AA}: letters without I, O and U, pairs SS and WW never issued, 001-999. */
final class SivPlate {

    static final String LETTERS = "ABCDEFGHJKLMNPQRSTVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("[A-HJ-NP-TV-Z]{2}-\\d{3}-[A-HJ-NP-TV-Z]{2}");

    private SivPlate() {
    }

    static String random(Random random) {
        return pair(random) + "-" + String.format("%03d", 1 + random.nextInt(999)) + "-" + pair(random);
    }

    private static String pair(Random random) {
        while (true) {
            String pair = "" + LETTERS.charAt(random.nextInt(LETTERS.length()))
                    + LETTERS.charAt(random.nextInt(LETTERS.length()));
            if (!pair.equals("SS") && !pair.equals("WW")) {
                return pair;
            }
        }
    }

    static boolean isValid(String plate) {
        if (plate == null || !FORMAT.matcher(plate).matches() || plate.substring(3, 6).equals("000")) {
            return false;
        }
        String left = plate.substring(0, 2);
        String right = plate.substring(7);
        return !left.equals("SS") && !left.equals("WW") && !right.equals("SS") && !right.equals("WW");
    }
}
