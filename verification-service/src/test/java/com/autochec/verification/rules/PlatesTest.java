package com.autochec.verification.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlatesTest {

    @ParameterizedTest
    @CsvSource({
        "AB-123-CD, AB-123-CD",
        "ab 123 cd, AB-123-CD",
        "ab123cd, AB-123-CD",
        "  Ab.123.cD , AB-123-CD",
        "AB - 123 - CD, AB-123-CD",
        "123-AB-45, 123-AB-45",
        "123 ab 45, 123-AB-45",
        "1234.ABC.75, 1234-ABC-75",
        "12 AB 2A, 12-AB-2A",
    })
    void normalisesAnySpellingOfAFrenchPlate(String input, String expected) {
        assertThat(Plates.normalise(input)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "ABC", "AB-12-CD", "AB-1234-CD", "A1-123-CD", "AB_123_CD", "{\"$ne\":null}", "AB-123-CD; drop",
        "ÀB-123-CD", "12345-AB-45", "AB-123-CD-AB-123-CD-AB-123-CD-XYZ"
    })
    void refusesWhatIsNotAPlate(String input) {
        assertThat(Plates.normalise(input)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void refusesNull() {
        assertThat(Plates.normalise(null)).isEmpty();
    }
}
