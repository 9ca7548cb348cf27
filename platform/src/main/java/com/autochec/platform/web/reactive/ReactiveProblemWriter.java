package com.autochec.platform.web.reactive;

import com.autochec.platform.problem.ProblemType;
import com.autochec.platform.problem.Problems;
import com.autochec.platform.web.servlet.ServletProblemWriter;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes problem bodies straight to a reactive response (the gateway's own rejections). */
public final class ReactiveProblemWriter {

    /** Exchange attribute holding the path the client asked for, kept when a request is forwarded. */
    public static final String ORIGINAL_PATH_ATTR = ReactiveProblemWriter.class.getName() + ".originalPath";

    private ReactiveProblemWriter() {}

    public static Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail) {
        return write(exchange, Problems.detail(type, detail));
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        ProblemDetail problem = Problems.detail(ProblemType.forStatus(status.value()), detail);
        problem.setStatus(status.value());
        return write(exchange, problem);
    }

    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        String original = exchange.getAttribute(ORIGINAL_PATH_ATTR);
        String instance = original != null ? original : exchange.getRequest().getPath().value();
        byte[] bytes = ServletProblemWriter.toJson(Problems.asMap(problem, instance));
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }
}
