package com.autochec.verification.check;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Typed checks and reading a check back. Photo checks: {@code photo.PhotoCheckController}. */
@RestController
@RequestMapping("/api/checks")
class CheckController {

    private final CheckService service;

    CheckController(CheckService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    CheckResponse typedCheck(@RequestBody JsonNode body, Caller caller) {
        TypedCheckRequest request = TypedCheckRequest.parse(body);
        return service.typedCheck(request.plate(), request.purpose(), caller);
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    CheckResponse get(@PathVariable String id, Caller caller) {
        if (!isUuid(id)) {
            throw notFound(id);
        }
        return service.find(id, caller).orElseThrow(() -> notFound(id));
    }

    private static ApiProblem notFound(String ignored) {
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
