package com.autochec.ocr.plate;

/**
 * One recognised character with the recogniser's probabilities for every plate character
 * ({@link #ALPHABET}, upper and lower case folded together), so that a format grammar can pick the
 * best letter where a letter must stand and the best digit where a digit must stand.
 *
 * @param best the recogniser's top character (upper-cased)
 * @param probability its probability in [0,1]
 * @param alnum probability of each character of {@link #ALPHABET}; may be all zero when the engine
 *     gives no alternatives
 */
record Glyph(char best, double probability, float[] alnum) {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    static Glyph certain(char c, double probability) {
        char up = Character.toUpperCase(c);
        float[] p = new float[ALPHABET.length()];
        int i = ALPHABET.indexOf(up);
        if (i >= 0) {
            p[i] = (float) probability;
        }
        return new Glyph(up, probability, p);
    }

    boolean isAlnum() {
        return ALPHABET.indexOf(best) >= 0;
    }

    double probabilityOf(char c) {
        int i = ALPHABET.indexOf(c);
        return i < 0 ? 0 : alnum[i];
    }
}
