package com.autochec.contracts.plate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.autochec.contracts.plate.InvalidPlateException.Code;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PlateTest {

    @ParameterizedTest(name = "[{0}] -> {1} {2}")
    @CsvFileSource(resources = "plates.csv", delimiter = '|', quoteCharacter = '`', ignoreLeadingAndTrailingWhitespace = false)
    void parsesTheTable(String input, String kind, String expected) {
        check(input, kind, expected);
    }

    @ParameterizedTest(name = "[{0}] -> {1} {2}")
    @MethodSource({"departments", "groupSizes", "sivSpellings"})
    void parsesGeneratedPlates(String input, String kind, String expected) {
        check(input, kind, expected);
    }

    private static void check(String input, String kind, String expected) {
        if (kind.equals("ERROR")) {
            InvalidPlateException e = assertThrows(InvalidPlateException.class, () -> Plate.parse(input));
            assertEquals(Code.valueOf(expected), e.code());
            assertEquals(e.code().message(), e.getMessage(), "the message never echoes the input");
            assertTrue(Plate.tryParse(input).isEmpty());
            return;
        }
        Plate plate = Plate.parse(input);
        assertEquals(PlateKind.valueOf(kind), plate.kind());
        assertEquals(expected, plate.value());
        assertEquals(expected, plate.toString());
        assertEquals(expected.replace("-", ""), plate.compact());
        assertEquals(plate.kind().isFrench(), plate.isFrench());
        assertEquals(plate, Plate.parse(plate.value()), "parsing the canonical form gives the same plate");
        assertEquals(plate, Plate.parse(plate.compact()), "parsing the compact form gives the same plate");
        assertEquals(plate.hashCode(), Plate.parse(plate.value()).hashCode());
    }

    /** Every département: 01-95, 2A, 2B are mainland FNI, 971-976 overseas; the rest is not French. */
    static Stream<Arguments> departments() {
        List<Arguments> out = new ArrayList<>();
        for (int d = 0; d <= 99; d++) {
            String dep = String.format("%02d", d);
            boolean french = d >= 1 && d <= 95;
            out.add(Arguments.of("123 AB " + dep, french ? "FNI" : "FOREIGN_OR_UNKNOWN",
                    french ? "123-AB-" + dep : "123AB" + dep));
        }
        for (int d = 960; d <= 989; d++) {
            boolean overseas = d >= 971 && d <= 976;
            out.add(Arguments.of("45 XY " + d, overseas ? "FNI_OVERSEAS" : "FOREIGN_OR_UNKNOWN",
                    overseas ? "45-XY-" + d : "45XY" + d));
        }
        for (String corsica : List.of("2A", "2B", "2a", "2b")) {
            out.add(Arguments.of("12 CD " + corsica, "FNI", "12-CD-" + corsica.toUpperCase()));
        }
        for (String notCorsica : List.of("2C", "1A", "3B", "2Z")) {
            out.add(Arguments.of("12 CD " + notCorsica, "FOREIGN_OR_UNKNOWN", "12CD" + notCorsica));
        }
        return out.stream();
    }

    /** FNI numbers of 1-4 digits (never all zeros) and 1-3 letters; anything longer is not French. */
    static Stream<Arguments> groupSizes() {
        List<Arguments> out = new ArrayList<>();
        String[] numbers = {"7", "42", "305", "1999", "0", "00", "000", "0000"};
        String[] letters = {"Z", "BC", "DEF"};
        for (String n : numbers) {
            for (String l : letters) {
                for (String dep : List.of("75", "2B", "974")) {
                    String canonical = n + "-" + l + "-" + dep;
                    String kind = dep.length() == 3 ? "FNI_OVERSEAS" : "FNI";
                    if (n.chars().allMatch(c -> c == '0')) {
                        out.add(Arguments.of(n + " " + l + " " + dep, "ERROR", "PLATE_NUMBER_NOT_ISSUED"));
                    } else {
                        out.add(Arguments.of(n + " " + l.toLowerCase() + " " + dep, kind, canonical));
                        out.add(Arguments.of(n + "." + l + "." + dep, kind, canonical));
                    }
                }
            }
        }
        out.add(Arguments.of("12345 AB 75", "FOREIGN_OR_UNKNOWN", "12345AB75"));
        out.add(Arguments.of("1 ABCD 75", "FOREIGN_OR_UNKNOWN", "1ABCD75"));
        return out.stream();
    }

    /** Random SIV plates, written in every way people and OCR write them. */
    static Stream<Arguments> sivSpellings() {
        Random random = new Random(3779);
        List<Arguments> out = new ArrayList<>();
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = 0; i < 60; i++) {
            String left = "" + letters.charAt(random.nextInt(26)) + letters.charAt(random.nextInt(26));
            String right = "" + letters.charAt(random.nextInt(26)) + letters.charAt(random.nextInt(26));
            String number = String.format("%03d", 1 + random.nextInt(999));
            String canonical = left + "-" + number + "-" + right;
            String kind = left.equals("WW") ? "SIV_TEMPORARY" : "SIV";
            out.add(Arguments.of(canonical, kind, canonical));
            out.add(Arguments.of(left.toLowerCase() + " " + number + " " + right.toLowerCase(), kind, canonical));
            out.add(Arguments.of(" " + left + "." + number + "." + right + " ", kind, canonical));
            out.add(Arguments.of(left + number + right, kind, canonical));
        }
        return out.stream();
    }

    @Test
    void nullIsRequired() {
        assertEquals(Code.PLATE_REQUIRED, assertThrows(InvalidPlateException.class, () -> Plate.parse(null)).code());
        assertTrue(Plate.tryParse(null).isEmpty());
    }

    @Test
    void longInputsAreRefusedBeforeBeingRead() {
        String spaced = "A B - 1 2 3 - C D" + " ".repeat(Plate.MAX_INPUT_LENGTH);
        assertEquals(Code.PLATE_TOO_LONG, assertThrows(InvalidPlateException.class, () -> Plate.parse(spaced)).code());
        String huge = "{".repeat(1_000_000);
        assertEquals(Code.PLATE_TOO_LONG, assertThrows(InvalidPlateException.class, () -> Plate.parse(huge)).code());
    }

    @ParameterizedTest(name = "{0} issuable: {1}")
    @CsvSource({
        "AB-123-CD, true",
        "ZZ-999-ZZ, true",
        "AA-001-AA, true",
        "FA-100-AA, true",
        "ST-123-OL, false", // O never issued
        "AI-123-CD, false", // I
        "AB-123-CU, false", // U
        "SS-123-AB, false", // SS series special
        "AB-123-SS, false",
        "AB-123-WW, false",
        "WW-123-AB, false", // temporary series
        "W-123-AB, false", // garage
        "123-AB-75, false", // FNI no longer issued
        "123-AB-971, false",
        "M5XSX, false",
    })
    void knowsTheSivIssuingRules(String input, boolean issuable) {
        assertEquals(issuable, Plate.parse(input).isIssuable());
    }

    @Test
    void everySivLetterIsIssuableInEveryPositionExceptIOU() {
        for (char c = 'A'; c <= 'Z'; c++) {
            boolean issued = "IOU".indexOf(c) < 0;
            assertEquals(issued, Plate.SIV_LETTERS.indexOf(c) >= 0, "letter " + c);
            for (String plate : List.of(c + "B-123-CD", "A" + c + "-123-CD", "AB-123-" + c + "D", "AB-123-C" + c)) {
                assertEquals(issued, Plate.parse(plate).isIssuable(), plate);
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "AB-I23-CD|AB-123-CD",
                "AB-1Z3-CD|AB-123-CD",
                "A8-123-CD|AB-123-CD",
                "AB-123-C0|AB-123-CO AB-123-CQ",
                "0B-123-CD|OB-123-CD QB-123-CD",
                "AB-S6B-CD|AB-568-CD",
                "5T-123-0L|ST-123-OL ST-123-QL",
                "A8-I23-C0|AB-123-CO AB-123-CQ",
                "12-AB-7S|12-AB-75 1-ZAB-75", // without its separators 12AB7S also fits 1 digit + 3 letters
                "I2-AB-75|12-AB-75 1-ZAB-75",
                "12-A8-75|12-AB-75 1-ZAB-75",
                "12-AB-28|12-AB-2B 1-ZAB-2B 1-ZAB-28",
                "123-AB-97I|123-AB-971",
                "W-I23-AB|W-123-AB",
                "WW-I23-AB|WW-123-AB",
                "AB-123-CD|",
                "123-AB-75|",
                "M5XSX|",
                "B-MW-1234|",
                "AB-12-CD|",
                "AB-OOO-CD|",
            })
    void findsConfusableVariantsByPosition(String input, String expected) {
        Set<String> variants = Plate.parse(input).confusableVariants().stream()
                .map(Plate::value)
                .collect(Collectors.toSet());
        Set<String> wanted = expected == null ? Set.of() : Set.of(expected.split(" "));
        assertEquals(wanted, variants);
        assertTrue(Plate.parse(input).confusableVariants().stream().allMatch(Plate::isFrench));
    }

    @Test
    void confusableVariantsOfAFrenchPlateNeverContainItself() {
        for (String p : List.of("AB-123-CD", "12-AB-75", "W-123-AB", "ST-123-OL")) {
            assertFalse(Plate.parse(p).confusableVariants().contains(Plate.parse(p)), p);
        }
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
        "AB-123-CD, AB-123-CD, 0",
        "AB-123-CD, AB-124-CD, 1",
        "AB-123-CD, AB-123-C, 1",
        "AB-123-CD, XAB-123-CD, 1",
        "AB-123-CD, BA-123-CD, 2",
        "AB-123-CD, 12-AB-75, 6",
        "M5XSX, M5XSY, 1",
        "123-AB-75, 123-AB-971, 2",
    })
    void measuresEditDistanceOnTheCompactForms(String a, String b, int distance) {
        Plate pa = Plate.parse(a);
        Plate pb = Plate.parse(b);
        assertEquals(distance, Plate.editDistance(pa, pb));
        assertEquals(distance, Plate.editDistance(pb, pa));
        assertEquals(distance == 1, pa.isOneEditFrom(pb));
    }

    @Test
    void platesOfDifferentValuesDiffer() {
        assertNotEquals(Plate.parse("AB-123-CD"), Plate.parse("AB-123-CE"));
        assertNotEquals(Plate.parse("AB-123-CD"), "AB-123-CD");
        assertEquals(6, Arrays.stream(PlateKind.values()).filter(PlateKind::isFrench).count() + 1);
    }
}
