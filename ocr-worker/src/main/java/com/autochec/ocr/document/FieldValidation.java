package com.autochec.ocr.document;

import com.autochec.contracts.vin.Vin;
import com.autochec.ocr.plate.PlateNormaliser;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalisation and validation of field values read by OCR: VIN rules, plate grammar, real dates,
 * mileage, inspection results. Each method returns the normalised value, or empty when the text
 * cannot be one.
 */
final class FieldValidation {

    private static final Pattern DATE = Pattern.compile("(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})\\s*[/.\\-]\\s*(\\d{4})");

    private FieldValidation() {}

    /** The VIN in the text, by the VIN grammar of {@link Vin#findInText(String)} (forced I/O/Q corrections only). */
    static Optional<String> vin(String text) {
        return Vin.findInText(fold(text)).map(Vin::value);
    }

    /** Whether {@code vin} is exactly a {@link Vin} as written. */
    static boolean isValidVin(String vin) {
        return vin != null && Vin.tryParse(vin).map(Vin::value).filter(vin::equals).isPresent();
    }

    /** A date dd/mm/yyyy that exists, as ISO yyyy-MM-dd. */
    static Optional<String> date(String text) {
        String s = text.replace('O', '0').replace('o', '0').replace('l', '1').replace('I', '1');
        Matcher m = DATE.matcher(s);
        while (m.find()) {
            try {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                if (d.getYear() >= 1900 && d.getYear() <= 2100) {
                    return Optional.of(d.toString());
                }
            } catch (DateTimeException | NumberFormatException e) {
                // not a real date: try the next match
            }
        }
        return Optional.empty();
    }

    /** All real dates in the text, in order. */
    static java.util.List<String> dates(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        String s = text.replace('O', '0').replace('o', '0');
        Matcher m = DATE.matcher(s);
        while (m.find()) {
            date(m.group()).ifPresent(out::add);
        }
        return out;
    }

    static Optional<String> plate(String text) {
        return PlateNormaliser.normalise(text);
    }

    /** Kilometres as an integer, spaces and dots as thousands separators allowed. */
    static Optional<String> mileage(String text) {
        Matcher m = Pattern.compile("(\\d+(?:[ .\\u00A0]\\d{3})*)\\s*(?:km|KM|Km)?").matcher(text.replace('O', '0'));
        while (m.find()) {
            String digits = m.group(1).replaceAll("\\D", "");
            if (!digits.isEmpty() && digits.length() <= 7) {
                long km = Long.parseLong(digits);
                if (km <= 2_000_000) {
                    return Optional.of(String.valueOf(km));
                }
            }
        }
        return Optional.empty();
    }

    /** FAVOURABLE, UNFAVOURABLE or COUNTER_VISIT from the French wording. */
    static Optional<String> inspectionResult(String text) {
        String s = fold(text);
        if (s.contains("CONTRE") || s.contains("VISITE")) {
            return Optional.of("COUNTER_VISIT");
        }
        if (s.contains("DEFAV") || s.contains("DEFAVORABLE") || s.matches(".*D.FAVORABLE.*")) {
            return Optional.of("UNFAVOURABLE");
        }
        if (s.contains("FAVORABLE") || s.contains("FAVOURABLE")) {
            return Optional.of("FAVOURABLE");
        }
        return Optional.empty();
    }

    /** Free text (names, makes, insurers): upper-cased, accents removed, stray punctuation trimmed. */
    static Optional<String> text(String text) {
        String s = fold(text).replaceAll("[^A-Z0-9 '\\-.&]", " ").replaceAll("\\s+", " ").strip();
        s = s.replaceAll("^[\\-.' ]+|[\\-.' ]+$", "");
        return s.chars().anyMatch(Character::isLetterOrDigit) ? Optional.of(s) : Optional.empty();
    }

    /** A contract or policy number: letters, digits, dashes and slashes, at least 5 characters. */
    static Optional<String> reference(String text) {
        String s = fold(text).replaceAll("[^A-Z0-9/\\-]", "");
        return s.length() >= 5 && s.chars().anyMatch(Character::isDigit) ? Optional.of(s) : Optional.empty();
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
    }
}
