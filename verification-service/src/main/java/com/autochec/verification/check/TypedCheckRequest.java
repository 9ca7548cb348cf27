package com.autochec.verification.check;

import com.autochec.contracts.plate.InvalidPlateException;
import com.autochec.contracts.plate.Plate;
import com.autochec.contracts.privacy.StatedPurpose;
import com.autochec.contracts.vin.InvalidVinException;
import com.autochec.contracts.vin.Vin;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import com.autochec.platform.security.Role;
import com.autochec.verification.fraud.Observation;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of a typed check, read from the JSON tree so that only JSON strings and numbers of the expected
 * shape are used (objects such as {@code {"$ne": null}} are refused as invalid fields before anything is
 * looked up):
 *
 * <pre>{@code
 * {"plate": "ab 123 cd",
 *  "purpose": "ROADSIDE_CONTROL", "purposeText": "…",       // required for agents and admins
 *  "observed": {"make": "Peugeot", "colour": "rouge"},      // optional: what the agent sees
 *  "vin": "VF3…",                                            // optional: VIN read on the body
 *  "location": {"lat": 48.85, "lon": 2.35},                  // optional: where the check happens
 *  "capturedAt": "2026-03-14T09:00:00Z"}                       // optional: when it was made (offline queue)
 * }</pre>
 *
 * The plate is parsed by {@link Plate#parse}, as in every service; the VIN by {@link Vin#parse}.
 */
record TypedCheckRequest(Plate plate, StatedPurpose purpose, Observation observation, String capturedAt) {

    static final int MAX_OBSERVED = 60;
    private static final String MUST_BE_A_STRING = "doit être une chaîne de caractères (must be a string)";

    static TypedCheckRequest parse(JsonNode body, Role role) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ApiProblem.validation(
                    List.of(new FieldError("body", "doit être un objet JSON (must be a JSON object)")));
        }
        Plate plate = null;
        JsonNode plateNode = body.get("plate");
        if (plateNode == null || plateNode.isNull()) {
            errors.add(new FieldError("plate", "est obligatoire (is required)"));
        } else if (!plateNode.isString()) {
            errors.add(new FieldError("plate", MUST_BE_A_STRING));
        } else {
            try {
                plate = Plate.parse(plateNode.stringValue());
            } catch (InvalidPlateException e) {
                errors.add(new FieldError("plate", e.getMessage()));
            }
        }
        // agents and admins state why (a check shows them person data); others may, and then validly
        StatedPurpose purpose = StatedPurpose.parse(string(body, "purpose", "purpose", errors),
                string(body, "purposeText", "purposeText", errors), role.atLeast(Role.AGENT),
                (field, message) -> {
                    // a purpose of the wrong type was reported already: not "required" on top of it
                    if (errors.stream().noneMatch(error -> error.field().equals(field))) {
                        errors.add(new FieldError(field, message));
                    }
                });
        Observation observation = observation(body, errors);
        // checked against the clock by CapturedAt when the check is made
        String capturedAt = string(body, "capturedAt", "capturedAt", errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return new TypedCheckRequest(plate, purpose, observation, capturedAt);
    }

    private static Observation observation(JsonNode body, List<FieldError> errors) {
        String make = null;
        String colour = null;
        JsonNode observed = body.get("observed");
        if (observed != null && !observed.isNull()) {
            if (!observed.isObject()) {
                errors.add(new FieldError(
                        "observed", "doit être un objet {make, colour} (must be an object {make, colour})"));
            } else {
                make = bounded(string(observed, "make", "observed.make", errors), "observed.make", errors);
                colour = bounded(string(observed, "colour", "observed.colour", errors), "observed.colour", errors);
            }
        }
        Vin vin = null;
        String typedVin = string(body, "vin", "vin", errors);
        if (typedVin != null) {
            try {
                vin = Vin.parse(typedVin);
            } catch (InvalidVinException e) {
                errors.add(new FieldError("vin", e.getMessage()));
            }
        }
        Observation.Location location = location(body.get("location"), errors);
        if (make == null && colour == null && vin == null && location == null) {
            return Observation.NONE;
        }
        return new Observation(make, colour, vin, vin == null ? null : "TYPED", location, null, null);
    }

    static Observation.Location location(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode lat = node.isObject() ? node.get("lat") : null;
        JsonNode lon = node.isObject() ? node.get("lon") : null;
        if (lat == null || lon == null || !lat.isNumber() || !lon.isNumber()) {
            errors.add(new FieldError("location",
                    "doit être {\"lat\": nombre, \"lon\": nombre} (must be {\"lat\": number, \"lon\": number})"));
            return null;
        }
        return location(lat.asDouble(), lon.asDouble(), errors);
    }

    static Observation.Location location(double lat, double lon, List<FieldError> errors) {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            errors.add(new FieldError("location", "lat entre -90 et 90, lon entre -180 et 180"
                    + " (lat must be within [-90, 90] and lon within [-180, 180])"));
            return null;
        }
        return new Observation.Location(lat, lon);
    }

    private static String string(JsonNode parent, String name, String field, List<FieldError> errors) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            errors.add(new FieldError(field, MUST_BE_A_STRING));
            return null;
        }
        return node.stringValue().isBlank() ? null : node.stringValue().strip();
    }

    static String bounded(String value, String field, List<FieldError> errors) {
        if (value != null && value.length() > MAX_OBSERVED) {
            errors.add(new FieldError(field,
                    "au plus " + MAX_OBSERVED + " caractères (must be at most " + MAX_OBSERVED + " characters)"));
            return null;
        }
        return value;
    }
}
