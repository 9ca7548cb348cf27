package com.autochec.vehicle.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VinTest {

    @ParameterizedTest(name = "{0} valid, check digit {1}")
    @CsvSource({
        "1M8GDM9AXKP042788, true", // textbook example, check digit X
        "11111111111111111, true",
        "1HGCM82633A004352, true",
        "5YJSA1DG9DFP14705, true",
        "WVWZZZ1JZXW000001, false", // European: no check digit at position 9
        "VF1RFB00X56789012, false",
        "VF3ABCDEF12345678, false",
        "1M8GDM9A1KP042788, false", // wrong check digit is still a VIN
    })
    void acceptsVinsAndReportsTheCheckDigit(String input, boolean checkDigitValid) {
        Vin vin = Vin.parse(input);
        assertThat(vin.value()).isEqualTo(input);
        assertThat(vin.checkDigitValid()).isEqualTo(checkDigitValid);
    }

    @Test
    void trimsAndUpperCases() {
        assertThat(Vin.parse("  wvwzzz1jzxw000001 ").value()).isEqualTo("WVWZZZ1JZXW000001");
    }

    @Test
    void computesTheExpectedCheckDigit() {
        assertThat(Vin.parse("1M8GDM9A1KP042788").expectedCheckDigit()).isEqualTo('X');
        assertThat(Vin.parse("11111111111111111").expectedCheckDigit()).isEqualTo('1');
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(
            strings = {
                "WVWZZZ1JZXW00000", // 16
                "WVWZZZ1JZXW0000011", // 18
                "WVWZZZ1JZXW00000I",
                "WVWZZZ1JZXW00000O",
                "WVWZZZ1JZXW00000Q",
                "WVWZZZ1JZXW-00001",
                "WVWZZZ1JZ W000001",
                "WVWZZZ1JZXW00000é",
                "{\"$ne\":null}",
            })
    void rejectsInvalidVins(String input) {
        assertThatThrownBy(() -> Vin.parse(input)).isInstanceOf(InvalidVinException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void rejectsMissingVins(String input) {
        assertThatThrownBy(() -> Vin.parse(input)).isInstanceOf(InvalidVinException.class).hasMessage("VIN is required");
    }

    @Test
    void constructorRejectsNonNormalisedValues() {
        assertThatThrownBy(() -> new Vin("wvwzzz1jzxw000001")).isInstanceOf(InvalidVinException.class);
    }
}
