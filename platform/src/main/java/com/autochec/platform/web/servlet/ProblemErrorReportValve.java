package com.autochec.platform.web.servlet;

import com.autochec.platform.problem.ProblemType;
import com.autochec.platform.problem.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last word: requests Tomcat rejects before any servlet runs (a malformed URI, an encoded
 * {@code ..%2F}, a bad header) get an RFC 9457 problem body instead of Tomcat's HTML error page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            var problem = Problems.detail(ProblemType.forStatus(status), status >= 500
                    ? "The request could not be processed."
                    : "The request was rejected: " + ProblemType.forStatus(status).title().toLowerCase() + ".");
            problem.setStatus(status);
            byte[] body = ServletProblemWriter.toJson(Problems.asMap(problem, null));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already on its way: nothing more to say
        }
    }
}
