package com.autochec.vehicle.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/** 401 with a problem body: no bearer token, or one that is malformed, forged or expired. */
@Component
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemWriter writer;

    ProblemAuthenticationEntryPoint(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        boolean invalidToken = exception instanceof OAuth2AuthenticationException;
        String detail = invalidToken
                ? "The bearer token is invalid or expired"
                : "A valid bearer token is required";
        response.setHeader(
                HttpHeaders.WWW_AUTHENTICATE, invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        ProblemDetail problem = Problems.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        writer.write(response, problem);
    }
}
