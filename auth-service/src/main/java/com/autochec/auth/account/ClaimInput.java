package com.autochec.auth.account;

import com.autochec.contracts.plate.InvalidPlateException;
import com.autochec.contracts.plate.Plate;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Normalises and checks a claim: a French plate (the shared {@link Plate} type, stored canonical), the last
 * four characters of the VIN (letters and digits, I, O and Q excluded as in every VIN), and the
 * registration-certificate number (the carte grise's "numéro de formule", e.g. {@code 2021AB12345}: letters
 * and digits, 6 to 20 once spaces and dashes are dropped).
 */
record ClaimInput(String plate, String vinLast4, String certificateNumber) {

    static final String NOT_FRENCH = "doit être une plaque française, par exemple AB-123-CD";

    static ClaimInput parse(String rawPlate, String rawVinLast4, String rawCertificate) {
        List<FieldError> errors = new ArrayList<>();
        String plate = null;
        try {
            Plate parsed = Plate.parse(rawPlate);
            if (parsed.isFrench()) {
                plate = parsed.value();
            } else {
                errors.add(new FieldError("plate", NOT_FRENCH));
            }
        } catch (InvalidPlateException e) {
            errors.add(new FieldError("plate", e.getMessage()));
        }
        String vinLast4 = rawVinLast4 == null ? "" : rawVinLast4.strip().toUpperCase(Locale.ROOT);
        if (!vinLast4.matches("[A-HJ-NPR-Z0-9]{4}")) {
            errors.add(new FieldError("vinLast4", "doit être les 4 derniers caractères du VIN (lettres sauf I, O, Q, et chiffres)"));
        }
        String certificate = rawCertificate == null ? "" : rawCertificate.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (!certificate.matches("[A-Z0-9]{6,20}")) {
            errors.add(new FieldError("certificateNumber",
                    "doit être le numéro du certificat d'immatriculation (6 à 20 lettres et chiffres)"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return new ClaimInput(plate, vinLast4, certificate);
    }
}
