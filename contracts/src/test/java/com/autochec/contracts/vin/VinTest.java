package com.autochec.contracts.vin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autochec.contracts.vin.InvalidVinException.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class VinTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvFileSource(resources = "vins.csv", delimiter = '|', quoteCharacter = '`', ignoreLeadingAndTrailingWhitespace = false)
    void parsesTheTable(String input, String outcome, String value, Boolean applies, Boolean valid) {
        if (!outcome.equals("VALID")) {
            InvalidVinException e = assertThrows(InvalidVinException.class, () -> Vin.parse(input));
            assertEquals(Code.valueOf(outcome), e.code());
            assertEquals(e.code().message(), e.getMessage(), "the message never echoes the input");
            assertTrue(Vin.tryParse(input).isEmpty());
            return;
        }
        Vin vin = Vin.parse(input);
        assertEquals(value, vin.value());
        assertEquals(value, vin.toString());
        assertEquals(applies, vin.checkDigitApplies());
        assertEquals(valid, vin.hasValidCheckDigit());
        assertEquals(vin, Vin.parse(vin.value()));
        assertEquals(value.substring(13), vin.last4());
        assertEquals(value.substring(0, 3), vin.wmi());
    }

    @Test
    void nullIsRequired() {
        assertEquals(Code.VIN_REQUIRED, assertThrows(InvalidVinException.class, () -> Vin.parse(null)).code());
        assertEquals(Code.VIN_REQUIRED, assertThrows(InvalidVinException.class, () -> Vin.parse("")).code());
        assertEquals(Code.VIN_WRONG_LENGTH, assertThrows(InvalidVinException.class, () -> Vin.parse("A".repeat(1_000_000))).code());
    }

    @ParameterizedTest(name = "{0}: {1}, {2}")
    @CsvSource({
        "VF1RJA00012345678, Renault, France",
        "VF3CA5HR012345678, Peugeot, France",
        "VF7SXHMZ012345678, Citroën, France",
        "VF6MF000012345678, Renault Trucks, France",
        "VR1UJZKX012345678, DS Automobiles, France",
        "VNKKL3D3012345678, Toyota, France",
        "UU1HSDAC012345678, Dacia, Romania",
        "WVWZZZAU012345678, Volkswagen, Germany",
        "WV1ZZZ7H012345678, Volkswagen Commercial Vehicles, Germany",
        "WV2ZZZ7H012345678, Volkswagen Commercial Vehicles, Germany",
        "WAUZZZ8V012345678, Audi, Germany",
        "WBA7K310012345678, BMW, Germany",
        "WDB2030461A123456, Mercedes-Benz, Germany",
        "WDD17708012345678, Mercedes-Benz, Germany",
        "WF0XXGAJ012345678, Ford, Germany",
        "W0L0XEP6012345678, Opel, Germany",
        "WP0ZZZ99ZTS392124, Porsche, Germany",
        "ZFA31200012345678, Fiat, Italy",
        "ZAR94000007123456, Alfa Romeo, Italy",
        "TMBJG7NE012345678, Škoda, Czech Republic",
        "VSSZZZKJ012345678, SEAT, Spain",
        "SJNFAAJ11U1234567, Nissan, United Kingdom",
        "SALLAAA1467A12345, Land Rover, United Kingdom",
        "YV1MS3950E1234567, Volvo, Sweden",
        "JTDZABX1012345678, Toyota, Japan",
        "KMHCT41DAEU123456, Hyundai, South Korea",
        "KNADE223196123456, Kia, South Korea",
        "NM0GE9E2012345678, Ford, Turkey",
        "LRW3E7EA012345678, Tesla, China",
        "5YJSA1DG9DFP14705, Tesla, United States",
        "1M8GDM9AXKP042788, Motor Coach Industries, United States",
    })
    void knowsTheCommonManufacturers(String input, String manufacturer, String country) {
        Vin vin = Vin.parse(input);
        assertEquals(Optional.of(manufacturer), vin.manufacturer());
        assertEquals(Optional.of(country), vin.country());
    }

    @ParameterizedTest
    @CsvSource({"XTA21099012345678", "9BWZZZ377VT004251", "1HGCM82633A004352", "AAA11111111111111"})
    void unknownManufacturersAreEmpty(String input) {
        Vin vin = Vin.parse(input);
        assertTrue(vin.manufacturer().isEmpty());
        assertTrue(vin.country().isEmpty());
    }

    @ParameterizedTest(name = "first character {0}: check digit applies {1}")
    @CsvSource({"1, true", "2, true", "3, true", "4, true", "5, true", "6, false", "7, false", "8, false",
        "9, false", "A, false", "J, false", "K, false", "L, false", "S, false", "V, false", "W, false",
        "Z, false"})
    void theCheckDigitAppliesToNorthAmericanManufacturers(char first, boolean applies) {
        assertEquals(applies, Vin.parse(first + "1111111111111111").checkDigitApplies());
    }

    /** Each of the 33 characters at each of the 17 positions: the check digit follows ISO 3779. */
    static Stream<Arguments> drafts() {
        Random random = new Random(115);
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            StringBuilder sb = new StringBuilder();
            sb.append(Vin.ALPHABET.charAt(random.nextInt(Vin.ALPHABET.length() - 10))); // a letter first
            for (int k = 1; k < 17; k++) {
                sb.append(Vin.ALPHABET.charAt(random.nextInt(Vin.ALPHABET.length())));
            }
            out.add(Arguments.of(sb.toString()));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("drafts")
    void withCheckDigitMakesAVinWhoseCheckDigitHolds(String draft) {
        Vin vin = Vin.withCheckDigit(draft);
        assertTrue(vin.hasValidCheckDigit());
        assertEquals(draft.substring(0, 8), vin.value().substring(0, 8));
        assertEquals(draft.substring(9), vin.value().substring(9));
        char wrong = vin.value().charAt(8) == '0' ? '1' : '0';
        Vin altered = Vin.parse(vin.value().substring(0, 8) + wrong + vin.value().substring(9));
        assertFalse(altered.hasValidCheckDigit());
        assertEquals(vin.expectedCheckDigit(), altered.expectedCheckDigit());
    }

    @Test
    void computesTheExpectedCheckDigit() {
        assertEquals('X', Vin.parse("1M8GDM9A1KP042788").expectedCheckDigit());
        assertEquals('1', Vin.parse("11111111111111111").expectedCheckDigit());
        assertEquals("1M8GDM9AXKP042788", Vin.withCheckDigit("1M8GDM9A0KP042788").value());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1980, A", "1981, B", "1999, X", "2000, Y", "2001, 1", "2009, 9", "2010, A", "2015, F",
        "2020, L", "2024, R", "2025, S", "2030, Y", "2031, 1", "2039, 9", "2040, A"})
    void knowsTheModelYearCodes(int year, char code) {
        assertEquals(code, Vin.modelYearCode(year));
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "VF1RFB00X56789012|VF1RFB00X56789012",
        "VIN: VF1RFB0OX56789012 |VF1RFB00X56789012",
        "vf1 rfb00x 567 89012|VF1RFB00X56789012",
        "WVWZZZ1KZ6W6I2Q45|WVWZZZ1KZ6W612045",
        "1HGCM82633A004352|1HGCM82633A004352",
        "1HGCM82633A0O4352|1HGCM82633A004352",
        "1HGCM82643A004352|NONE",
        "N° VF7SXHMZ012345678 km|VF7SXHMZ012345678",
        "0F1RFB00X56789012|NONE",
        "VF1RFB00X5678901|NONE",
        "ZZZ VF3CA5HR012345678 ZZZ|VF3CA5HR012345678",
        "|NONE",
    })
    void findsTheVinInTextReadByOcr(String text, String expected) {
        assertEquals(Optional.ofNullable(expected), Vin.findInText(text).map(Vin::value));
    }

    @Test
    void forcedCorrectionsChangeOnlyTheLettersAVinNeverHolds() {
        assertEquals("1100ABCDEFGHJKLMNPRSTUVWXYZ", Vin.withForcedCorrections("I1O0ABCDEFGHJKLMNPRSTUVWXYZ"));
        assertEquals("000", Vin.withForcedCorrections("OQ0"));
    }
}
