package com.autochec.platform.web.reactive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the reactive server itself raises (no route, method not allowed, a bad request, a
 * time-out without a fallback…) becomes a problem body instead of Boot's default error JSON. Answers
 * proxied from services are never touched.
 */
public class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        HttpStatusCode status;
        String detail;
        if (ex instanceof ResponseStatusException rse) {
            status = rse.getStatusCode();
            detail = rse.getReason() != null ? rse.getReason() : describe(status, exchange);
        } else {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            detail = "The request could not be handled.";
            log.error("Unhandled error for {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        }
        exchange.getResponse().getHeaders().clear();
        return ReactiveProblemWriter.write(exchange, status, detail);
    }

    private static String describe(HttpStatusCode status, ServerWebExchange exchange) {
        if (status.value() == 404) {
            return "No resource at " + exchange.getRequest().getPath().value() + ".";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() + "." : "Error " + status.value() + ".";
    }
}
