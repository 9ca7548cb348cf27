package com.autochec.contracts.privacy;

import java.util.function.BiConsumer;

/**
 * Why a caller looks at a vehicle or its holder, as the request states it: a {@link Purpose} code (field
 * {@code purpose}) and a free text (field {@code purposeText}), required with {@link Purpose#OTHER} and at most
 * {@link Purpose#MAX_TEXT} characters. The one rule every service applies to those two fields; each service
 * decides who must state one.
 *
 * @param code the purpose, null when none was stated ({@link #NONE})
 * @param text the free text, stripped, null when none was given
 */
public record StatedPurpose(Purpose code, String text) {

    /** No purpose stated (a caller who need not state one and did not). */
    public static final StatedPurpose NONE = new StatedPurpose(null, null);

    /**
     * The purpose stated by the two request fields; {@link #NONE} when no code is given and none is
     * {@code required}. A problem is reported to {@code problems} as (field, message in French then English) and
     * the result is then null; a {@code problems} that throws (e.g. a 400 problem) stops at the first.
     */
    public static StatedPurpose parse(String code, String text, boolean required, BiConsumer<String, String> problems) {
        String cleanText = text == null || text.isBlank() ? null : text.strip();
        if (code == null || code.isBlank()) {
            if (!required) return NONE;
            problems.accept("purpose", "est obligatoire : l'une des valeurs " + Purpose.codes()
                    + " (is required: one of " + Purpose.codes() + ")");
            return null;
        }
        Purpose purpose;
        try {
            purpose = Purpose.parse(code);
        } catch (IllegalArgumentException e) {
            problems.accept("purpose", "valeur inconnue : l'une des valeurs " + Purpose.codes() + " (" + e.getMessage() + ")");
            return null;
        }
        if (cleanText != null && cleanText.length() > Purpose.MAX_TEXT) {
            problems.accept("purposeText", "au plus " + Purpose.MAX_TEXT + " caractères (must be at most "
                    + Purpose.MAX_TEXT + " characters)");
            return null;
        }
        if (purpose == Purpose.OTHER && cleanText == null) {
            problems.accept("purposeText", "est obligatoire avec le motif OTHER (is required with purpose OTHER)");
            return null;
        }
        return new StatedPurpose(purpose, cleanText);
    }

    /** Whether a purpose was stated. */
    public boolean stated() {
        return code != null;
    }

    /** The code as recorded in the audit trail, null when none was stated. */
    public String codeName() {
        return code == null ? null : code.name();
    }
}
