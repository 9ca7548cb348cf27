package com.autochec.ocr.plate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A licence-plate format as a sequence of character classes: {@code L} letter, {@code D} digit,
 * {@code A} letter or digit, a space marking the boundary between two groups (where a sticker or
 * coat of arms may sit and be misread as one extra character). {@code prior} says how much a reading
 * that fits this format is trusted compared to one that fits another.
 */
record PlateFormat(String code, String pattern, double prior, String forbiddenLetters, Predicate<String> rule) {

    PlateFormat {
        forbiddenLetters = forbiddenLetters == null ? "" : forbiddenLetters;
        rule = rule == null ? s -> true : rule;
    }

    /** Pattern without group separators. */
    String classes() {
        return pattern.replace(" ", "");
    }

    int length() {
        return classes().length();
    }

    /** Indices (in the class string) before which a group boundary stands. */
    List<Integer> boundaries() {
        List<Integer> b = new ArrayList<>();
        int k = 0;
        for (char c : pattern.toCharArray()) {
            if (c == ' ') {
                b.add(k);
            } else {
                k++;
            }
        }
        return b;
    }

    boolean allows(int position, char c) {
        char cls = classes().charAt(position);
        boolean letter = c >= 'A' && c <= 'Z';
        boolean digit = c >= '0' && c <= '9';
        return switch (cls) {
            case 'L' -> letter && forbiddenLetters.indexOf(c) < 0;
            case 'D' -> digit;
            case 'A' -> letter || digit;
            default -> c == cls;
        };
    }
}
