package com.autochec.contracts.vehicle;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The colour vocabulary of the French registry (the certificate's "couleur" as Autochec's data writes it:
 * {@code Blanc}, {@code Gris foncé}, {@code Argent}…), by family. {@link #label()} is the French word the
 * registry uses; what reads a colour from a photo reports one of these labels.
 */
public enum Colour {
    BLANC("Blanc"),
    NOIR("Noir"),
    GRIS("Gris"),
    ARGENT("Argent"),
    BLEU("Bleu"),
    ROUGE("Rouge"),
    VERT("Vert"),
    JAUNE("Jaune"),
    ORANGE("Orange"),
    BEIGE("Beige"),
    MARRON("Marron"),
    VIOLET("Violet"),
    ROSE("Rose");

    private final String label;

    Colour(String label) {
        this.label = label;
    }

    /** The French word, capitalised as the registry writes it. */
    public String label() {
        return label;
    }

    /** The colour whose French word starts {@code text} ("Gris foncé" is GRIS), ignoring case and accents. */
    public static Optional<Colour> ofLabel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").strip()
                .toUpperCase(Locale.ROOT);
        String first = folded.split("[^A-Z]+", 2)[0];
        for (Colour c : values()) {
            if (c.name().equals(first)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
