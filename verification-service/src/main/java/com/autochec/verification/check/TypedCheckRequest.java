package com.autochec.verification.check;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import com.autochec.contracts.plate.InvalidPlateException;
import com.autochec.contracts.plate.Plate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of a typed check, {@code {"plate": "ab 123 cd", "purpose": "..."}}, read from the JSON tree
 * so that only a JSON string can ever become a plate: objects such as {@code {"$ne": null}}, numbers
 * and arrays are refused as invalid fields before anything is looked up. The plate is parsed by
 * {@link Plate#parse}, as in every service: what it refuses is a 400, a well-formed foreign plate is a
 * plate (checked as not in the French registry).
 */
record TypedCheckRequest(Plate plate, String purpose) {

    static final int MAX_PURPOSE = 200;

    static TypedCheckRequest parse(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ApiProblem.validation(List.of(new FieldError("body", "must be a JSON object")));
        }
        Plate plate = null;
        JsonNode plateNode = body.get("plate");
        if (plateNode == null || plateNode.isNull()) {
            errors.add(new FieldError("plate", "is required"));
        } else if (!plateNode.isString()) {
            errors.add(new FieldError("plate", "must be a string"));
        } else {
            try {
                plate = Plate.parse(plateNode.stringValue());
            } catch (InvalidPlateException e) {
                errors.add(new FieldError("plate", e.getMessage()));
            }
        }
        String purpose = null;
        JsonNode purposeNode = body.get("purpose");
        if (purposeNode != null && !purposeNode.isNull()) {
            if (!purposeNode.isString()) {
                errors.add(new FieldError("purpose", "must be a string"));
            } else if (purposeNode.stringValue().length() > MAX_PURPOSE) {
                errors.add(new FieldError("purpose", "must be at most " + MAX_PURPOSE + " characters"));
            } else if (!purposeNode.stringValue().isBlank()) {
                purpose = purposeNode.stringValue().strip();
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return new TypedCheckRequest(plate, purpose);
    }
}
