package com.autochec.platform.web.servlet;

import com.autochec.platform.problem.ProblemType;
import com.autochec.platform.problem.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error dispatch ({@code /error}): what the container rejects or fails on
 * before or outside Spring MVC (a {@code sendError}, a filter's exception) answers with a problem
 * body too, never Boot's default error JSON or an HTML page.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        if (status < 400) {
            status = 500;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemType type = ProblemType.forStatus(status);
        if (failure != null && RequestBodyLimitFilter.causedByTooLargeBody(failure)) {
            type = ProblemType.PAYLOAD_TOO_LARGE;
        }
        String detail = status >= 500 ? "The request could not be processed." : type.title() + ".";
        var problem = Problems.detail(type, detail);
        problem.setStatus(status);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.asMap(problem, uri == null ? null : uri.toString()));
    }
}
