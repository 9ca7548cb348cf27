package com.autochec.verification.check;

import com.autochec.contracts.privacy.Purpose;
import com.autochec.platform.problem.FieldError;
import com.autochec.platform.security.Role;
import java.util.List;

/**
 * Why a check is made: a {@link Purpose} code and, for {@link Purpose#OTHER}, a free text. Agents and
 * admins must state one (a check shows person data to them); public and owner checks need none but, when
 * they give one, it must be valid.
 */
public record StatedPurpose(Purpose code, String text) {

    /** Whether this role must state a purpose. */
    public static boolean required(Role role) {
        return role == Role.AGENT || role == Role.ADMIN;
    }

    /**
     * The purpose from its two request fields, null when none is given and none is required. Problems are
     * added to {@code errors} (field {@code purpose} or {@code purposeText}).
     */
    public static StatedPurpose parse(String code, String text, Role role, List<FieldError> errors) {
        String cleanText = text == null || text.isBlank() ? null : text.strip();
        if (code == null || code.isBlank()) {
            if (required(role)) {
                errors.add(new FieldError("purpose", "est obligatoire pour un agent : l'une des valeurs "
                        + Purpose.codes() + " (is required: one of " + Purpose.codes() + ")"));
            }
            return null;
        }
        Purpose purpose;
        try {
            purpose = Purpose.parse(code);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("purpose", "valeur inconnue : l'une des valeurs " + Purpose.codes()
                    + " (" + e.getMessage() + ")"));
            return null;
        }
        if (cleanText != null && cleanText.length() > Purpose.MAX_TEXT) {
            errors.add(new FieldError("purposeText", "au plus " + Purpose.MAX_TEXT + " caractères (must be at most "
                    + Purpose.MAX_TEXT + " characters)"));
            return null;
        }
        if (purpose == Purpose.OTHER && cleanText == null) {
            errors.add(new FieldError("purposeText", "est obligatoire avec le motif OTHER (is required with purpose OTHER)"));
            return null;
        }
        return new StatedPurpose(purpose, cleanText);
    }
}
