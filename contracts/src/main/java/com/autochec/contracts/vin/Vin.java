package com.autochec.contracts.vin;

import com.autochec.contracts.vin.InvalidVinException.Code;
import java.util.Map;
import java.util.Optional;

/**
 * A vehicle identification number (ISO 3779): 17 characters, ASCII letters and digits except I, O and Q,
 * never starting with 0 (no region has that code). {@link #parse(String)} trims, upper-cases and removes
 * spaces.
 *
 * <p>The position-9 check digit (ISO 3779 annex / FMVSS 115) is mandatory only for North-American
 * manufacturers ({@link #checkDigitApplies()}: first character 1-5); European VINs often carry a filler
 * there, so parsing never requires it and {@link #hasValidCheckDigit()} only reports it.
 */
public final class Vin {

    public static final int LENGTH = 17;
    /** The characters a VIN may contain. */
    public static final String ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    /** Longest raw input read, spaces included. */
    public static final int MAX_INPUT_LENGTH = 64;

    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    private static final String YEAR_CODES = "ABCDEFGHJKLMNPRSTVWXY123456789";

    /** A small world-manufacturer-identifier table: the makes common in France. */
    private static final Map<String, Maker> WMI = Map.ofEntries(
            Map.entry("VF1", new Maker("Renault", "France")),
            Map.entry("VF2", new Maker("Renault", "France")),
            Map.entry("VF3", new Maker("Peugeot", "France")),
            Map.entry("VF6", new Maker("Renault Trucks", "France")),
            Map.entry("VF7", new Maker("Citroën", "France")),
            Map.entry("VF8", new Maker("Matra", "France")),
            Map.entry("VR1", new Maker("DS Automobiles", "France")),
            Map.entry("VR3", new Maker("Peugeot", "France")),
            Map.entry("VR7", new Maker("Citroën", "France")),
            Map.entry("VNK", new Maker("Toyota", "France")),
            Map.entry("UU1", new Maker("Dacia", "Romania")),
            Map.entry("WVW", new Maker("Volkswagen", "Germany")),
            Map.entry("WV1", new Maker("Volkswagen Commercial Vehicles", "Germany")),
            Map.entry("WV2", new Maker("Volkswagen Commercial Vehicles", "Germany")),
            Map.entry("WAU", new Maker("Audi", "Germany")),
            Map.entry("WBA", new Maker("BMW", "Germany")),
            Map.entry("WDB", new Maker("Mercedes-Benz", "Germany")),
            Map.entry("WDD", new Maker("Mercedes-Benz", "Germany")),
            Map.entry("WF0", new Maker("Ford", "Germany")),
            Map.entry("W0L", new Maker("Opel", "Germany")),
            Map.entry("WP0", new Maker("Porsche", "Germany")),
            Map.entry("ZFA", new Maker("Fiat", "Italy")),
            Map.entry("ZAR", new Maker("Alfa Romeo", "Italy")),
            Map.entry("TMB", new Maker("Škoda", "Czech Republic")),
            Map.entry("VSS", new Maker("SEAT", "Spain")),
            Map.entry("SJN", new Maker("Nissan", "United Kingdom")),
            Map.entry("SAL", new Maker("Land Rover", "United Kingdom")),
            Map.entry("YV1", new Maker("Volvo", "Sweden")),
            Map.entry("JTD", new Maker("Toyota", "Japan")),
            Map.entry("JYA", new Maker("Yamaha", "Japan")),
            Map.entry("JH2", new Maker("Honda", "Japan")),
            Map.entry("KMH", new Maker("Hyundai", "South Korea")),
            Map.entry("KNA", new Maker("Kia", "South Korea")),
            Map.entry("NM0", new Maker("Ford", "Turkey")),
            Map.entry("LRW", new Maker("Tesla", "China")),
            Map.entry("5YJ", new Maker("Tesla", "United States")),
            Map.entry("1M8", new Maker("Motor Coach Industries", "United States")));

    private record Maker(String name, String country) {}

    private final String value;

    private Vin(String value) {
        this.value = value;
    }

    /** Parses a VIN typed by a person, read by OCR or found in a file. */
    public static Vin parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidVinException(Code.VIN_REQUIRED);
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            throw new InvalidVinException(Code.VIN_WRONG_LENGTH);
        }
        StringBuilder sb = new StringBuilder(LENGTH);
        boolean forbidden = false;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 'a' + 'A');
            }
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9')) {
                throw new InvalidVinException(Code.VIN_INVALID_CHARACTERS);
            }
            forbidden |= c == 'I' || c == 'O' || c == 'Q';
            sb.append(c);
        }
        if (sb.length() != LENGTH) {
            throw new InvalidVinException(Code.VIN_WRONG_LENGTH);
        }
        if (forbidden) {
            throw new InvalidVinException(Code.VIN_FORBIDDEN_LETTER);
        }
        if (sb.charAt(0) == '0') {
            throw new InvalidVinException(Code.VIN_UNKNOWN_REGION);
        }
        return new Vin(sb.toString());
    }

    /** The VIN, or empty when {@link #parse(String)} would refuse the input. */
    public static Optional<Vin> tryParse(String input) {
        try {
            return Optional.of(parse(input));
        } catch (InvalidVinException e) {
            return Optional.empty();
        }
    }

    /**
     * The first VIN in text read by OCR (a VIN plate, a windscreen, a document), in a word of exactly 17
     * characters first, else in any 17 consecutive letters and digits (spaces and punctuation removed). Only
     * the corrections the grammar forces are made: I, O and Q never occur in a VIN, so I is read as 1 and O
     * and Q as 0; nothing else is changed. A North-American VIN ({@link #checkDigitApplies()}) is kept only
     * when its check digit holds (a misread character almost always breaks it); European VINs have no
     * mandatory check digit and are kept as read.
     */
    public static Optional<Vin> findInText(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        for (String word : upper.split("\\s+")) {
            String compact = word.replaceAll("[^A-Z0-9]", "");
            if (compact.length() == LENGTH) {
                Optional<Vin> vin = readable(compact);
                if (vin.isPresent()) {
                    return vin;
                }
            }
        }
        String all = upper.replaceAll("[^A-Z0-9]", "");
        for (int start = 0; start + LENGTH <= all.length(); start++) {
            Optional<Vin> vin = readable(all.substring(start, start + LENGTH));
            if (vin.isPresent()) {
                return vin;
            }
        }
        return Optional.empty();
    }

    /** {@code read} with the forced corrections (I→1, O→0, Q→0) made; nothing else changes. */
    public static String withForcedCorrections(String read) {
        return read.replace('I', '1').replace('O', '0').replace('Q', '0');
    }

    private static Optional<Vin> readable(String seventeen) {
        return tryParse(withForcedCorrections(seventeen))
                .filter(v -> !v.checkDigitApplies() || v.hasValidCheckDigit());
    }

    /**
     * The VIN made of {@code draft} with its position-9 check digit computed (whatever position 9 held):
     * how a manufacturer, or a demo-data generator, builds one.
     */
    public static Vin withCheckDigit(String draft) {
        Vin parsed = parse(draft);
        String v = parsed.value;
        return new Vin(v.substring(0, 8) + parsed.expectedCheckDigit() + v.substring(9));
    }

    /** The model-year code of position 10: 1980 = A … 2000 = Y, 2001 = 1 … 2009 = 9, 2010 = A again. */
    public static char modelYearCode(int year) {
        return YEAR_CODES.charAt(Math.floorMod(year - 1980, 30));
    }

    public String value() {
        return value;
    }

    /** The world manufacturer identifier: the first three characters. */
    public String wmi() {
        return value.substring(0, 3);
    }

    /** The manufacturer, when the WMI is in Autochec's small table. */
    public Optional<String> manufacturer() {
        return Optional.ofNullable(WMI.get(wmi())).map(Maker::name);
    }

    /** The country of manufacture, when the WMI is in Autochec's small table. */
    public Optional<String> country() {
        return Optional.ofNullable(WMI.get(wmi())).map(Maker::country);
    }

    /** Whether the check digit is mandatory: North-American manufacturers (first character 1-5). */
    public boolean checkDigitApplies() {
        char c = value.charAt(0);
        return c >= '1' && c <= '5';
    }

    /** Whether position 9 holds the ISO 3779 / FMVSS 115 check digit of the VIN. */
    public boolean hasValidCheckDigit() {
        return value.charAt(8) == expectedCheckDigit();
    }

    /** The check digit position 9 should hold: {@code 0}-{@code 9} or {@code X}. */
    public char expectedCheckDigit() {
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            sum += transliterate(value.charAt(i)) * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    /** The last four characters (the end of the serial number), as shown to those who may not see the whole VIN. */
    public String last4() {
        return value.substring(LENGTH - 4);
    }

    private static int transliterate(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        // A-H = 1-8, J-N = 1-5, P = 7, R = 9, S-Z = 2-9 (I, O and Q never occur).
        return switch (c) {
            case 'A', 'J' -> 1;
            case 'B', 'K', 'S' -> 2;
            case 'C', 'L', 'T' -> 3;
            case 'D', 'M', 'U' -> 4;
            case 'E', 'N', 'V' -> 5;
            case 'F', 'W' -> 6;
            case 'G', 'P', 'X' -> 7;
            case 'H', 'Y' -> 8;
            case 'R', 'Z' -> 9;
            default -> throw new IllegalStateException("not a VIN character: " + c);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vin other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
