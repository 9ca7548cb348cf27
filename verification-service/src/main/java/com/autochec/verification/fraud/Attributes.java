package com.autochec.verification.fraud;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares what was seen with what the registry says, forgiving the way people name things: French or
 * English colour names, masculine or feminine, shades ("gris foncé" is grey), and makes with or without
 * accents or their usual short names ("VW", "Citroen", "Mercedes"). Unknown colour names compare with
 * nothing (no signal rather than a false one).
 */
public final class Attributes {

    private static final Map<String, String> COLOURS = Map.ofEntries(
            Map.entry("blanc", "WHITE"), Map.entry("blanche", "WHITE"), Map.entry("white", "WHITE"),
            Map.entry("ivoire", "WHITE"), Map.entry("creme", "WHITE"),
            Map.entry("noir", "BLACK"), Map.entry("noire", "BLACK"), Map.entry("black", "BLACK"),
            Map.entry("gris", "GREY"), Map.entry("grise", "GREY"), Map.entry("grey", "GREY"), Map.entry("gray", "GREY"),
            Map.entry("anthracite", "GREY"),
            Map.entry("argent", "SILVER"), Map.entry("argente", "SILVER"), Map.entry("argentee", "SILVER"),
            Map.entry("silver", "SILVER"),
            Map.entry("bleu", "BLUE"), Map.entry("bleue", "BLUE"), Map.entry("blue", "BLUE"), Map.entry("marine", "BLUE"),
            Map.entry("rouge", "RED"), Map.entry("red", "RED"), Map.entry("bordeaux", "RED"),
            Map.entry("vert", "GREEN"), Map.entry("verte", "GREEN"), Map.entry("green", "GREEN"),
            Map.entry("beige", "BEIGE"), Map.entry("sable", "BEIGE"),
            Map.entry("orange", "ORANGE"),
            Map.entry("jaune", "YELLOW"), Map.entry("yellow", "YELLOW"),
            Map.entry("marron", "BROWN"), Map.entry("brun", "BROWN"), Map.entry("brune", "BROWN"), Map.entry("brown", "BROWN"),
            Map.entry("violet", "PURPLE"), Map.entry("violette", "PURPLE"), Map.entry("purple", "PURPLE"),
            Map.entry("rose", "PINK"), Map.entry("pink", "PINK"));

    /** Families that are easily taken for one another in the street: never a mismatch. */
    private static final Set<Set<String>> CLOSE = Set.of(
            Set.of("GREY", "SILVER"), Set.of("WHITE", "BEIGE"), Set.of("BEIGE", "BROWN"), Set.of("RED", "ORANGE"),
            Set.of("ORANGE", "YELLOW"), Set.of("PURPLE", "BLUE"), Set.of("RED", "PINK"));

    private static final Map<String, String> MAKES = Map.ofEntries(
            Map.entry("vw", "volkswagen"), Map.entry("mercedes", "mercedesbenz"), Map.entry("merco", "mercedesbenz"),
            Map.entry("chevy", "chevrolet"), Map.entry("alfa", "alfaromeo"), Map.entry("landrover", "landrover"),
            Map.entry("ds", "ds"), Map.entry("ds automobiles", "ds"));

    private Attributes() {}

    /** The colour family (WHITE, GREY…) of a colour name in French or English; the first known word wins. */
    public static Optional<String> colourFamily(String colour) {
        if (colour == null) {
            return Optional.empty();
        }
        for (String word : fold(colour).split("[^a-z]+")) {
            String family = COLOURS.get(word);
            if (family != null) {
                return Optional.of(family);
            }
        }
        return Optional.empty();
    }

    /** Whether two colour names certainly differ: both known, different families, not easily confused. */
    public static boolean coloursDiffer(String a, String b) {
        Optional<String> fa = colourFamily(a);
        Optional<String> fb = colourFamily(b);
        if (fa.isEmpty() || fb.isEmpty() || fa.get().equals(fb.get())) {
            return false;
        }
        return !CLOSE.contains(Set.of(fa.get(), fb.get()));
    }

    /** Whether two make names certainly differ (accents, case, spaces, dashes and usual short names ignored). */
    public static boolean makesDiffer(String a, String b) {
        if (a == null || b == null || a.isBlank() || b.isBlank()) {
            return false;
        }
        String ma = make(a);
        String mb = make(b);
        return !(ma.equals(mb) || ma.startsWith(mb) || mb.startsWith(ma));
    }

    private static String make(String make) {
        String folded = fold(make).strip();
        String alias = MAKES.get(folded);
        String compact = (alias == null ? folded : alias).replaceAll("[^a-z0-9]", "");
        return MAKES.getOrDefault(compact, compact);
    }

    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
