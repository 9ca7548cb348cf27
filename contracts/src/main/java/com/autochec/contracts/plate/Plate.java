package com.autochec.contracts.plate;

import com.autochec.contracts.plate.InvalidPlateException.Code;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A licence plate, normalised: the one place where Autochec decides what a plate is. Every service
 * parses plates with {@link #parse(String)} so that they all accept and refuse the same inputs.
 *
 * <p>Input: any case, with or without spaces, dashes or dots between the groups ({@code "ab 123.cd"}).
 * Only ASCII letters and digits count; at most {@value #MAX_INPUT_LENGTH} characters are read.
 *
 * <p>Recognised, in this order (see {@link PlateKind}), with their canonical {@link #value()}:
 *
 * <ul>
 *   <li>{@code LL DDD LL}: {@link PlateKind#SIV_TEMPORARY} when the left pair is {@code WW}, else
 *       {@link PlateKind#SIV}; canonical {@code AB-123-CD}. Any letters are accepted, because the
 *       registry must hold every plate found on real registrations and in reference data (the demo
 *       vehicle {@code ST-123-OL} has an O): the issuing rules (no I, O, U; no SS or WW pair) are
 *       {@link #isIssuable()}, not part of parsing.
 *   <li>{@code W DDD LL}: {@link PlateKind#GARAGE}, canonical {@code W-123-AB}.
 *   <li>1-4 digits, 1-3 letters, then a département: {@code 01}-{@code 95}, {@code 2A}, {@code 2B}
 *       ({@link PlateKind#FNI}, canonical {@code 123-ABC-75}) or {@code 971}-{@code 976}
 *       ({@link PlateKind#FNI_OVERSEAS}, canonical {@code 123-AB-971}). The digits are kept as written.
 *   <li>Anything else of 2-10 letters and digits: {@link PlateKind#FOREIGN_OR_UNKNOWN} (UK {@code M5XSX},
 *       German {@code B-MW-1234}, an FNI-like plate with département {@code 99}…), canonical = compact,
 *       since its grouping is not known.
 * </ul>
 *
 * <p>Refused with an {@link InvalidPlateException}: nothing but separators ({@code PLATE_REQUIRED}), any
 * other character such as {@code $ { " '} or accented letters ({@code PLATE_INVALID_CHARACTERS}), fewer
 * than 2 or more than 10 letters and digits ({@code PLATE_TOO_SHORT}, {@code PLATE_TOO_LONG}), and an
 * input that fits a French format but whose number is zero — SIV {@code AB-000-CD}, garage
 * {@code W-000-AB}, FNI {@code 0-AB-75} or {@code 00-AB-75} — because numbers start at 1 in both systems
 * ({@code PLATE_NUMBER_NOT_ISSUED}).
 */
public final class Plate {

    /** Longest raw input read, separators included. */
    public static final int MAX_INPUT_LENGTH = 32;
    /** Fewest letters and digits of any plate. */
    public static final int MIN_LENGTH = 2;
    /** Most letters and digits of any plate (an FNI plate has at most 4 + 3 + 3). */
    public static final int MAX_LENGTH = 10;
    /** The letters the SIV issues: A-Z without I, O and U. */
    public static final String SIV_LETTERS = "ABCDEFGHJKLMNPQRSTVWXYZ";

    /** Letter/digit pairs that OCR and people confuse: letter first, digit second. */
    private static final String[] CONFUSABLE = {"O0", "Q0", "I1", "Z2", "S5", "G6", "B8"};

    private final String value;
    private final String compact;
    private final PlateKind kind;

    private Plate(String value, PlateKind kind) {
        this.value = value;
        this.compact = value.replace("-", "");
        this.kind = kind;
    }

    /** Parses and normalises a plate typed by a person, read by OCR or found in a file. */
    public static Plate parse(String input) {
        return classify(compactOf(input));
    }

    /** The plate, or empty when {@link #parse(String)} would refuse the input. */
    public static Optional<Plate> tryParse(String input) {
        try {
            return Optional.of(parse(input));
        } catch (InvalidPlateException e) {
            return Optional.empty();
        }
    }

    /** The canonical form: {@code AB-123-CD}, {@code W-123-AB}, {@code 123-ABC-75}, {@code 123-AB-971}, or compact for foreign plates. */
    public String value() {
        return value;
    }

    /** Letters and digits only: {@code AB123CD}. */
    public String compact() {
        return compact;
    }

    public PlateKind kind() {
        return kind;
    }

    /** Whether the plate has a French format, i.e. could be in the French registry. */
    public boolean isFrench() {
        return kind.isFrench();
    }

    /**
     * Whether the ordinary SIV series could issue this plate today: an {@link PlateKind#SIV} plate with
     * letters from {@link #SIV_LETTERS} only (no I, O or U), neither pair {@code SS} nor {@code WW}, and a
     * number from 001 to 999. Plates of every other kind are not issued by the ordinary series.
     */
    public boolean isIssuable() {
        if (kind != PlateKind.SIV) {
            return false;
        }
        String left = compact.substring(0, 2);
        String right = compact.substring(5);
        for (char c : (left + right).toCharArray()) {
            if (SIV_LETTERS.indexOf(c) < 0) {
                return false;
            }
        }
        return !left.equals("SS") && !left.equals("WW") && !right.equals("SS") && !right.equals("WW");
    }

    /**
     * The well-formed French plates this one may really be, when some characters were confused by
     * position: a letter where the format wants a digit is replaced by its look-alike digit and the other
     * way round, for the pairs O/0, Q/0, I/1, Z/2, S/5, G/6 and B/8. For example {@code AB-I23-CD} gives
     * {@code AB-123-CD} and {@code 12-AB-7S} gives {@code 12-AB-75}. Characters that already fit their
     * position are kept. This plate itself is never in the set.
     */
    public Set<Plate> confusableVariants() {
        Set<Plate> out = new LinkedHashSet<>();
        for (String template : frenchTemplates(compact.length())) {
            List<StringBuilder> partial = new ArrayList<>();
            partial.add(new StringBuilder());
            for (int i = 0; i < compact.length() && !partial.isEmpty(); i++) {
                String options = options(template.charAt(i), compact.charAt(i));
                List<StringBuilder> next = new ArrayList<>(partial.size() * Math.max(1, options.length()));
                for (StringBuilder p : partial) {
                    for (char o : options.toCharArray()) {
                        next.add(new StringBuilder(p).append(o));
                    }
                }
                partial = next;
            }
            for (StringBuilder candidate : partial) {
                tryParse(candidate.toString())
                        .filter(Plate::isFrench)
                        .filter(p -> !p.equals(this))
                        .ifPresent(out::add);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** Whether {@code other} differs from this plate by exactly one inserted, deleted or replaced character. */
    public boolean isOneEditFrom(Plate other) {
        return editDistance(this, other) == 1;
    }

    /** The Levenshtein distance between the compact forms of two plates. */
    public static int editDistance(Plate a, Plate b) {
        String s = a.compact;
        String t = b.compact;
        int[] previous = new int[t.length() + 1];
        int[] current = new int[t.length() + 1];
        for (int j = 0; j <= t.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= t.length(); j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[t.length()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Plate other && value.equals(other.value) && kind == other.kind;
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The canonical form, as {@link #value()}. */
    @Override
    public String toString() {
        return value;
    }

    // ---------------------------------------------------------------------------------------------

    /** Upper-case letters and digits of the input, separators dropped; refuses anything else. */
    private static String compactOf(String input) {
        if (input == null) {
            throw new InvalidPlateException(Code.PLATE_REQUIRED);
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            throw new InvalidPlateException(Code.PLATE_TOO_LONG);
        }
        StringBuilder sb = new StringBuilder(input.length());
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c >= 'a' && c <= 'z') {
                sb.append((char) (c - 'a' + 'A'));
            } else if (isLetter(c) || isDigit(c)) {
                sb.append(c);
            } else if (c != '-' && c != '.' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                throw new InvalidPlateException(Code.PLATE_INVALID_CHARACTERS);
            }
        }
        if (sb.isEmpty()) {
            throw new InvalidPlateException(Code.PLATE_REQUIRED);
        }
        if (sb.length() > MAX_LENGTH) {
            throw new InvalidPlateException(Code.PLATE_TOO_LONG);
        }
        if (sb.length() < MIN_LENGTH) {
            throw new InvalidPlateException(Code.PLATE_TOO_SHORT);
        }
        return sb.toString();
    }

    private static Plate classify(String c) {
        int n = c.length();
        if (n == 7 && isLetter(c.charAt(0)) && isLetter(c.charAt(1)) && digits(c, 2, 5) && isLetter(c.charAt(5))
                && isLetter(c.charAt(6))) {
            requireNonZero(c.substring(2, 5));
            PlateKind kind = c.startsWith("WW") ? PlateKind.SIV_TEMPORARY : PlateKind.SIV;
            return new Plate(c.substring(0, 2) + "-" + c.substring(2, 5) + "-" + c.substring(5), kind);
        }
        if (n == 6 && c.charAt(0) == 'W' && digits(c, 1, 4) && isLetter(c.charAt(4)) && isLetter(c.charAt(5))) {
            requireNonZero(c.substring(1, 4));
            return new Plate("W-" + c.substring(1, 4) + "-" + c.substring(4), PlateKind.GARAGE);
        }
        int d = 0;
        while (d < n && isDigit(c.charAt(d))) {
            d++;
        }
        int l = d;
        while (l < n && isLetter(c.charAt(l))) {
            l++;
        }
        String department = c.substring(l);
        if (d >= 1 && d <= 4 && l - d >= 1 && l - d <= 3) {
            PlateKind kind = fniKind(department);
            if (kind != null) {
                String number = c.substring(0, d);
                requireNonZero(number);
                return new Plate(number + "-" + c.substring(d, l) + "-" + department, kind);
            }
        }
        return new Plate(c, PlateKind.FOREIGN_OR_UNKNOWN);
    }

    /** FNI for 01-95, 2A and 2B; FNI_OVERSEAS for 971-976; null for anything else. */
    private static PlateKind fniKind(String department) {
        if (department.equals("2A") || department.equals("2B")) {
            return PlateKind.FNI;
        }
        if (department.length() == 2 && digits(department, 0, 2)) {
            int dep = Integer.parseInt(department);
            return dep >= 1 && dep <= 95 ? PlateKind.FNI : null;
        }
        if (department.length() == 3 && digits(department, 0, 3)) {
            int dep = Integer.parseInt(department);
            return dep >= 971 && dep <= 976 ? PlateKind.FNI_OVERSEAS : null;
        }
        return null;
    }

    private static void requireNonZero(String number) {
        for (char ch : number.toCharArray()) {
            if (ch != '0') {
                return;
            }
        }
        throw new InvalidPlateException(Code.PLATE_NUMBER_NOT_ISSUED);
    }

    /**
     * The class strings of the French formats with {@code length} characters: {@code L} letter, {@code D}
     * digit, {@code W} the letter W itself, {@code X} the département letter of 2A/2B.
     */
    private static List<String> frenchTemplates(int length) {
        List<String> out = new ArrayList<>();
        if (length == 7) {
            out.add("LLDDDLL");
        }
        if (length == 6) {
            out.add("WDDDLL");
        }
        for (int d = 1; d <= 4; d++) {
            for (int l = 1; l <= 3; l++) {
                for (String department : new String[] {"DD", "DX", "DDD"}) {
                    if (d + l + department.length() == length) {
                        out.add("D".repeat(d) + "L".repeat(l) + department);
                    }
                }
            }
        }
        return out;
    }

    /** The characters that may stand at a position of class {@code cls} when {@code c} was read there. */
    private static String options(char cls, char c) {
        switch (cls) {
            case 'W':
                return c == 'W' ? "W" : "";
            case 'L':
            case 'X':
                if (isLetter(c)) {
                    return String.valueOf(c);
                }
                StringBuilder letters = new StringBuilder();
                for (String pair : CONFUSABLE) {
                    if (pair.charAt(1) == c) {
                        letters.append(pair.charAt(0));
                    }
                }
                return letters.toString();
            default:
                if (isDigit(c)) {
                    return String.valueOf(c);
                }
                for (String pair : CONFUSABLE) {
                    if (pair.charAt(0) == c) {
                        return String.valueOf(pair.charAt(1));
                    }
                }
                return "";
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
