package com.autochec.vehicle.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PlateTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "AB-123-CD|AB-123-CD",
                "ab-123-cd|AB-123-CD",
                "AB123CD|AB-123-CD",
                "ab 123 cd|AB-123-CD",
                "  Ab.123.cD  |AB-123-CD",
                "AB - 123 - CD|AB-123-CD",
                "AB--123..CD|AB-123-CD",
                "AA-001-AA|AA-001-AA",
                "ZZ-999-ZZ|ZZ-999-ZZ",
                "GH-010-XY|GH-010-XY",
                "SA-123-AS|SA-123-AS",
                "WA-456-AW|WA-456-AW",
            })
    void normalisesSivPlates(String input, String expected) {
        Plate plate = Plate.parse(input);
        assertThat(plate.value()).isEqualTo(expected);
        assertThat(plate.format()).isEqualTo(Plate.Format.SIV);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "123 AB 45|123-AB-45",
                "1234 ABC 75|1234-ABC-75",
                "1234abc75|1234-ABC-75",
                "1 A 01|1-A-01",
                "12-xy-2a|12-XY-2A",
                "456 BC 2B|456-BC-2B",
                "789 DE 971|789-DE-971",
                "9999.ZZZ.95|9999-ZZZ-95",
                "123 IO 13|123-IO-13",
            })
    void normalisesFniPlates(String input, String expected) {
        Plate plate = Plate.parse(input);
        assertThat(plate.value()).isEqualTo(expected);
        assertThat(plate.format()).isEqualTo(Plate.Format.FNI);
    }

    @ParameterizedTest(name = "\"{0}\" keeps its letters")
    @ValueSource(strings = {"ST-123-OL", "AI-123-CU", "SS-123-WW"})
    void acceptsSivShapedPlatesOutsideTheIssuingRules(String input) {
        assertThat(Plate.parse(input).value()).isEqualTo(input);
        assertThat(Plate.parse(input).format()).isEqualTo(Plate.Format.SIV);
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(
            strings = {
                "AB-000-CD", // number 000 not issued
                "AB-1234-CD", // four digits
                "A-123-CD", // one letter
                "ABC-123-DE",
                "AB-12-CD",
                "AB_123_CD", // underscore
                "AB/123/CD",
                "12345 AB 75", // five digits (FNI)
                "123 ABCD 75", // four letters
                "123 AB 00", // département 00
                "123 AB 96", // département 96
                "123 AB 977", // not an overseas département
                "0 AB 75", // number 0
                "123 AB", // no département
                "ÀB-123-CD",
                "{\"$ne\":null}",
                "AB-123-CD-AB-123-CD-XX",
                "-----",
                "ABCDEFG",
                "1234567",
            })
    void rejectsInvalidPlates(String input) {
        assertThatThrownBy(() -> Plate.parse(input)).isInstanceOf(InvalidPlateException.class);
        assertThat(Plate.tryParse(input)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", " . - "})
    void rejectsMissingPlates(String input) {
        assertThatThrownBy(() -> Plate.parse(input))
                .isInstanceOf(InvalidPlateException.class)
                .hasMessage("plate is required");
    }

    @Test
    void explainsWhyAPlateIsRejected() {
        assertThatThrownBy(() -> Plate.parse("AB-000-CD")).hasMessage("plate number 000 is not issued");
        assertThatThrownBy(() -> Plate.parse("A8-123-CD"))
                .hasMessage("plate must look like AA-123-AA (SIV) or 123-AB-45 (FNI)");
    }

    @Test
    void parsingANormalisedPlateGivesTheSamePlate() {
        Plate plate = Plate.parse("ab 123 cd");
        assertThat(Plate.parse(plate.value())).isEqualTo(plate);
        assertThat(plate).hasToString("AB-123-CD");
    }
}
