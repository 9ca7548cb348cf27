package com.autochec.verification.check;

import com.autochec.contracts.plate.InvalidPlateException;
import com.autochec.contracts.plate.Plate;
import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.problem.FieldError;
import com.autochec.platform.problem.ProblemType;
import com.autochec.platform.security.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;

/**
 * Typed checks, reading a check back, its progress as server-sent events and the confirmation of an
 * uncertain reading. Photo checks: {@code photo.PhotoCheckController}. Who may read, follow or confirm a
 * check: its requester, an admin, or anyone holding the id of an anonymous check.
 */
@RestController
@RequestMapping("/api/checks")
class CheckController {

    private final CheckService service;
    private final CheckStreams streams;

    CheckController(CheckService service, CheckStreams streams) {
        this.service = service;
        this.streams = streams;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    CheckResponse typedCheck(@RequestBody JsonNode body, Caller caller) {
        return service.typedCheck(TypedCheckRequest.parse(body, caller.role()), caller);
    }

    /**
     * The caller's own checks, newest first: {@code page} from 0 (at most {@value MyChecks#MAX_PAGE}), {@code size}
     * 1 to {@value MyChecks#MAX_SIZE} (default {@value MyChecks#DEFAULT_SIZE}). Authenticated callers only (401).
     */
    @GetMapping(path = "/mine", produces = MediaType.APPLICATION_JSON_VALUE)
    MyChecks mine(
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "size", required = false) String size,
            Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        int p = bounded(page, "page", 0, 0, MyChecks.MAX_PAGE, errors);
        int s = bounded(size, "size", MyChecks.DEFAULT_SIZE, 1, MyChecks.MAX_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        if (caller.subject() == null) {
            // the security rules already require a signed-in caller; a token without a subject has no checks
            throw new ApiProblem(ProblemType.UNAUTHORIZED, "Sign in to list your checks.");
        }
        return service.mine(caller, p, s);
    }

    private static int bounded(String raw, String field, int otherwise, int min, int max, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
        return otherwise;
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    CheckResponse get(@PathVariable String id, Caller caller) {
        if (!isUuid(id)) {
            throw notFound();
        }
        return service.find(id, caller).orElseThrow(CheckController::notFound);
    }

    /**
     * The check's progress: RECEIVED → READING → VERIFYING → COMPLETED, NEEDS_CONFIRMATION or FAILED, the
     * last ones carrying the check. A late client first gets every step already passed.
     */
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String id, Caller caller) {
        if (!isUuid(id)) {
            throw notFound();
        }
        CheckDocument check = service.findDocument(id, caller).orElseThrow(CheckController::notFound);
        return streams.open(check);
    }

    /** Confirms the plate of a NEEDS_CONFIRMATION check: {@code {"plate": "AB-123-CD"}}. */
    @PostMapping(
            path = "/{id}/confirm",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    CheckResponse confirm(@PathVariable String id, @RequestBody JsonNode body, Caller caller) {
        if (!isUuid(id)) {
            throw notFound();
        }
        JsonNode plateNode = body == null || !body.isObject() ? null : body.get("plate");
        if (plateNode == null || !plateNode.isString()) {
            throw ApiProblem.validation(List.of(new FieldError("plate", "is required (a string)")));
        }
        Plate plate;
        try {
            plate = Plate.parse(plateNode.stringValue());
        } catch (InvalidPlateException e) {
            throw ApiProblem.validation("plate", e.getMessage());
        }
        return service.confirm(id, plate, caller);
    }

    private static ApiProblem notFound() {
        return ApiProblem.notFound("No such check is visible to you.");
    }

    static boolean isUuid(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
