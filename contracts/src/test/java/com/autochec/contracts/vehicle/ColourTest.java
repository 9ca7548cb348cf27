package com.autochec.contracts.vehicle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColourTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(nullValues = "NONE", value = {
        "Blanc, BLANC", "blanc, BLANC", "Gris foncé, GRIS", "GRIS, GRIS", "Argent, ARGENT", "Bleu foncé, BLEU",
        "Noir, NOIR", "Rouge, ROUGE", "Vert, VERT", "Beige, BEIGE", "Orange, ORANGE", "Jaune, JAUNE",
        "Marron, MARRON", "Violet, VIOLET", "Rose, ROSE", "white, NONE", "'', NONE", "NONE, NONE", "Blanche, NONE"})
    void readsTheRegistryWords(String text, String colour) {
        assertEquals(Optional.ofNullable(colour).map(Colour::valueOf), Colour.ofLabel(text));
    }
}
