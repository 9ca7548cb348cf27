package com.autochec.document.document;

import com.autochec.contracts.privacy.Purpose;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;

/**
 * Why a staff caller reads or uploads a document: a {@link Purpose} code and, with {@link Purpose#OTHER}, a free
 * text of at most {@link Purpose#MAX_TEXT} characters. Agents always state one; an admin's, when given, is
 * checked the same way (the review queue is read without); owners need none. Anything else is a 400.
 *
 * @param code the purpose, null when none was stated (owners, admins who stated none)
 * @param text the free text, only with {@link Purpose#OTHER}
 */
public record StatedPurpose(Purpose code, String text) {

    /** No purpose stated (owners; admins who stated none). */
    public static final StatedPurpose NONE = new StatedPurpose(null, null);

    /** The purpose {@code caller} stated with the {@code purpose} and {@code purposeText} request fields. */
    public static StatedPurpose of(Caller caller, String purpose, String purposeText) {
        if (!caller.isStaff() || (blank(purpose) && !caller.isAgent())) return NONE;
        Purpose code;
        try {
            code = Purpose.parse(purpose);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation("purpose", e.getMessage());
        }
        if (code != Purpose.OTHER) return new StatedPurpose(code, null);
        if (blank(purposeText)) throw ApiProblem.validation("purposeText", "is required with purpose OTHER");
        String text = purposeText.strip();
        if (text.length() > Purpose.MAX_TEXT) {
            throw ApiProblem.validation("purposeText", "is longer than " + Purpose.MAX_TEXT + " characters");
        }
        return new StatedPurpose(code, text);
    }

    /** The code as recorded in the audit trail, null when none was stated. */
    public String codeName() {
        return code == null ? null : code.name();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
