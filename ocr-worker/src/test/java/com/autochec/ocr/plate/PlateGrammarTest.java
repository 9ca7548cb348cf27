package com.autochec.ocr.plate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlateGrammarTest {

    @ParameterizedTest
    @CsvSource({"O,0,0.7", "0,O,0.7", "I,1,0.6", "1,I,0.6", "B,8,0.4", "S,5,0.4", "Z,2,0.4", "A,4,0.25", "A,A,1.0", "A,B,0.0", "1,2,0.0"})
    void weighsLetterDigitConfusions(char read, char meant, double weight) {
        assertThat(PlateGrammar.confusion(read, meant)).isEqualTo(weight);
    }

    @ParameterizedTest
    @CsvSource({"123ABC75,true", "1234AB2A,true", "12AB2B,true", "123AB971,true", "123AB976,true", "123AB977,false",
            "123ABC00,false", "123ABC96,false", "0AB75,false", "AB123CD,false"})
    void frenchFniReadingsAreDecidedByPlate(String plate, boolean valid) {
        assertThat(PlateGrammar.isFrenchFni(plate)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({"AB123CD,true", "WW123AB,true", "AB000CD,false", "123AB75,false"})
    void frenchSivReadingsAreDecidedByPlate(String plate, boolean valid) {
        assertThat(PlateGrammar.isFrenchSiv(plate)).isEqualTo(valid);
    }

    @Test
    void sivForbidsIOAndU() {
        PlateFormat siv = PlateGrammar.standard().formats().get(0);
        assertThat(siv.code()).isEqualTo("FR-SIV");
        assertThat(siv.allows(0, 'A')).isTrue();
        assertThat(siv.allows(0, 'I')).isFalse();
        assertThat(siv.allows(1, 'O')).isFalse();
        assertThat(siv.allows(6, 'U')).isFalse();
        assertThat(siv.allows(2, '5')).isTrue();
        assertThat(siv.allows(2, 'S')).isFalse();
        assertThat(siv.boundaries()).containsExactly(2, 5);
    }

    @Test
    void frenchFormatsComeFirst() {
        assertThat(PlateGrammar.standard().formats().get(0).code()).isEqualTo("FR-SIV");
        assertThat(PlateGrammar.standard().formats().get(1).code()).isEqualTo("FR-FNI");
    }

    @Test
    void listsTheCharactersEachPositionAllows() {
        PlateFormat siv = PlateGrammar.standard().formats().get(0);
        for (int pos = 0; pos < siv.length(); pos++) {
            StringBuilder allowed = new StringBuilder();
            for (int a : siv.allowedIndices(pos)) {
                allowed.append(Glyph.ALPHABET.charAt(a));
            }
            String expected = siv.classes().charAt(pos) == 'D' ? "0123456789" : "ABCDEFGHJKLMNPQRSTVWXYZ";
            assertThat(allowed.toString()).isEqualTo(expected);
        }
        assertThat(siv.classes()).isEqualTo("LLDDDLL");
        assertThat(siv.length()).isEqualTo(7);
    }

    @Test
    void knowsNoConfusionOutsideAscii() {
        assertThat(PlateGrammar.confusion('É', 'E')).isZero();
        assertThat(PlateGrammar.confusion('0', 'É')).isZero();
        assertThat(PlateGrammar.confusion('É', 'É')).isEqualTo(1.0);
    }

    @Test
    void theHighestPriorIsFrenchSiv() {
        assertThat(PlateGrammar.standard().maxPrior()).isEqualTo(1.0);
        assertThat(new PlateGrammar(java.util.List.of()).maxPrior()).isEqualTo(PlateGrammar.GENERIC_PRIOR);
    }
}
