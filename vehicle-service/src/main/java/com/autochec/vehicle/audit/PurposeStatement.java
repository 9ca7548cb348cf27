package com.autochec.vehicle.audit;

import com.autochec.contracts.privacy.Purpose;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import java.util.List;

/**
 * Why an agent or admin reads person data: the {@code purpose} query parameter (a {@link Purpose} code) and,
 * for {@link Purpose#OTHER}, {@code purposeText}. Missing or unknown → 400 validation problem.
 */
public record PurposeStatement(Purpose purpose, String text) {

    public static PurposeStatement require(String purpose, String purposeText) {
        Purpose parsed;
        try {
            parsed = Purpose.parse(purpose);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation(List.of(new FieldError(
                    "purpose",
                    (purpose == null || purpose.isBlank() ? "motif obligatoire : " : "motif inconnu : ")
                            + "l'un de " + Purpose.codes() + " (" + e.getMessage() + ")")));
        }
        String text = purposeText == null || purposeText.isBlank() ? null : purposeText.strip();
        if (parsed == Purpose.OTHER && text == null) {
            throw ApiProblem.validation("purposeText", "précisez le motif (obligatoire avec OTHER)");
        }
        if (text != null && text.length() > Purpose.MAX_TEXT) {
            throw ApiProblem.validation("purposeText", "au plus " + Purpose.MAX_TEXT + " caractères");
        }
        return new PurposeStatement(parsed, parsed == Purpose.OTHER ? text : null);
    }
}
