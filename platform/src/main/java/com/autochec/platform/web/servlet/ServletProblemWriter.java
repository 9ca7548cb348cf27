package com.autochec.platform.web.servlet;

import com.autochec.platform.problem.ProblemType;
import com.autochec.platform.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem body outside Spring MVC: security entry points, servlet filters, the firewall's
 * rejections and the container's own error pages.
 */
public final class ServletProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ServletProblemWriter() {}

    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        write(request, response, Problems.detail(type, detail));
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] body = toJson(Problems.asMap(problem, request == null ? null : request.getRequestURI()));
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    public static byte[] toJson(Map<String, Object> body) {
        return JSON.writeValueAsBytes(body);
    }
}
