package com.autochec.verification.check;

import com.autochec.platform.problem.ApiProblem;
import com.autochec.platform.security.Caller;
import com.autochec.platform.security.Role;
import com.autochec.verification.readmodel.ReadModelRebuild;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin operations on verification's read model: {@code POST /api/checks/read-model/rebuild} (202; replays
 * the compacted state topics) and {@code GET /api/checks/read-model} (its counts). {@code ./autochec
 * rebuild-read-model} calls the first.
 */
@RestController
class ReadModelController {

    private final ReadModelRebuild rebuild;

    ReadModelController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping(path = "/api/checks/read-model/rebuild", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> rebuild(Caller caller) {
        requireAdmin(caller);
        return rebuild.rebuild();
    }

    @GetMapping(path = "/api/checks/read-model", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Long> counts(Caller caller) {
        requireAdmin(caller);
        return rebuild.counts();
    }

    private static void requireAdmin(Caller caller) {
        if (caller.role() != Role.ADMIN) {
            throw ApiProblem.forbidden("Réservé aux administrateurs. Admins only.");
        }
    }
}
