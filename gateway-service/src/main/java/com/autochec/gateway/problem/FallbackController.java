package com.autochec.gateway.problem;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import com.autochec.platform.problem.ProblemType;
import com.autochec.platform.problem.Problems;
import com.autochec.platform.web.reactive.ReactiveProblemWriter;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Target of every route's circuit-breaker {@code fallbackUri}: the service is down, too slow, or its
 * circuit is open. Answers 503 with an {@code unavailable} problem and a {@code Retry-After} hint.
 */
@RestController
class FallbackController {

    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z-]{1,40}");

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        String name = SERVICE_NAME.matcher(service).matches() ? service : "service";
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String detail;
        if (cause instanceof CallNotPermittedException) {
            detail = name + " is failing; calls are paused for a few seconds. Try again shortly.";
        } else if (cause instanceof TimeoutException
                || (cause instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504)) {
            detail = name + " did not answer in time. Try again shortly.";
        } else {
            detail = name + " is unavailable. Try again shortly.";
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        ProblemDetail problem = Problems.detail(ProblemType.UNAVAILABLE, detail);
        problem.setProperty("service", name);
        return ReactiveProblemWriter.write(exchange, problem);
    }
}
