package com.autochec.auth.account;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import com.autochec.contracts.plate.InvalidPlateException;
import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.vin.InvalidVinException;
import com.autochec.contracts.vin.Vin;
import java.util.ArrayList;
import java.util.List;

/**
 * Normalises and checks a claim's plate and VIN with the shared {@link Plate} and {@link Vin} types. A
 * claim names a vehicle of the French registry, so the plate must have a French format (SIV, temporary,
 * garage, FNI); it is stored in canonical form ({@code AB-123-CD}, {@code 1234-AB-56}).
 */
record ClaimInput(String plate, String vin) {

    static final String NOT_FRENCH = "must be a French plate such as AB-123-CD";

    static ClaimInput parse(String rawPlate, String rawVin) {
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
        String vin = null;
        try {
            vin = Vin.parse(rawVin).value();
        } catch (InvalidVinException e) {
            errors.add(new FieldError("vin", e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return new ClaimInput(plate, vin);
    }

    /** The canonical French plate, or null when the input is not one. */
    static String normalisePlate(String raw) {
        return Plate.tryParse(raw).filter(Plate::isFrench).map(Plate::value).orElse(null);
    }
}
