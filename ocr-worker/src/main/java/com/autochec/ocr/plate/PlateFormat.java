package com.autochec.ocr.plate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A licence-plate format as a sequence of character classes: {@code L} letter, {@code D} digit,
 * {@code A} letter or digit, a space marking the boundary between two groups (where a sticker or
 * coat of arms may sit and be misread as one extra character). {@code prior} says how much a reading
 * that fits this format is trusted compared to one that fits another.
 *
 * <p>The class string, the group boundaries and, for each position, the characters of
 * {@link Glyph#ALPHABET} it allows are computed once: the candidate selector asks for them for every
 * position of every format at every offset of every line.
 */
final class PlateFormat {

    private final String code;
    private final String pattern;
    private final double prior;
    private final String forbiddenLetters;
    private final Predicate<String> rule;
    private final String classes;
    private final List<Integer> boundaries;
    private final int[][] allowed; // per position: indices in Glyph.ALPHABET allowed there, ascending

    PlateFormat(String code, String pattern, double prior, String forbiddenLetters, Predicate<String> rule) {
        this.code = Objects.requireNonNull(code);
        this.pattern = Objects.requireNonNull(pattern);
        this.prior = prior;
        this.forbiddenLetters = forbiddenLetters == null ? "" : forbiddenLetters;
        this.rule = rule == null ? s -> true : rule;
        this.classes = pattern.replace(" ", "");
        List<Integer> b = new ArrayList<>();
        int k = 0;
        for (char c : pattern.toCharArray()) {
            if (c == ' ') {
                b.add(k);
            } else {
                k++;
            }
        }
        this.boundaries = List.copyOf(b);
        this.allowed = new int[classes.length()][];
        for (int pos = 0; pos < classes.length(); pos++) {
            int[] tmp = new int[Glyph.ALPHABET.length()];
            int n = 0;
            for (int a = 0; a < Glyph.ALPHABET.length(); a++) {
                if (computeAllows(pos, Glyph.ALPHABET.charAt(a))) {
                    tmp[n++] = a;
                }
            }
            allowed[pos] = java.util.Arrays.copyOf(tmp, n);
        }
    }

    String code() {
        return code;
    }

    String pattern() {
        return pattern;
    }

    double prior() {
        return prior;
    }

    String forbiddenLetters() {
        return forbiddenLetters;
    }

    Predicate<String> rule() {
        return rule;
    }

    /** Pattern without group separators. */
    String classes() {
        return classes;
    }

    int length() {
        return classes.length();
    }

    /** Indices (in the class string) before which a group boundary stands. */
    List<Integer> boundaries() {
        return boundaries;
    }

    boolean allows(int position, char c) {
        int a = Glyph.ALPHABET.indexOf(c);
        if (a < 0) {
            return computeAllows(position, c);
        }
        for (int i : allowed[position]) {
            if (i == a) {
                return true;
            }
        }
        return false;
    }

    /** Indices in {@link Glyph#ALPHABET} of the characters allowed at {@code position}, ascending. */
    int[] allowedIndices(int position) {
        return allowed[position];
    }

    private boolean computeAllows(int position, char c) {
        char cls = classes.charAt(position);
        boolean letter = c >= 'A' && c <= 'Z';
        boolean digit = c >= '0' && c <= '9';
        return switch (cls) {
            case 'L' -> letter && forbiddenLetters.indexOf(c) < 0;
            case 'D' -> digit;
            case 'A' -> letter || digit;
            default -> c == cls;
        };
    }

    @Override
    public String toString() {
        return code + "[" + pattern + "]";
    }
}
