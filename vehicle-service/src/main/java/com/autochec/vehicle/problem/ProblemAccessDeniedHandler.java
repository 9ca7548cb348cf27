package com.autochec.vehicle.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 403 with a problem body: authenticated, but the role does not allow this. */
@Component
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemWriter writer;

    ProblemAccessDeniedHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        ProblemDetail problem = Problems.problem(
                HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this operation");
        problem.setInstance(URI.create(request.getRequestURI()));
        writer.write(response, problem);
    }
}
