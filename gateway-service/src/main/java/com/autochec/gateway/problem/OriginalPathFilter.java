package com.autochec.gateway.problem;

import com.autochec.platform.web.reactive.ReactiveProblemWriter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Remembers the path the client asked for: a circuit-breaker fallback forwards the exchange to
 * {@code /fallback/...} and resets the gateway's own attributes, and the problem's {@code instance}
 * must still name the client's path.
 */
@Component
class OriginalPathFilter implements GlobalFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        exchange.getAttributes().putIfAbsent(ReactiveProblemWriter.ORIGINAL_PATH_ATTR, exchange.getRequest().getPath().value());
        return chain.filter(exchange);
    }
}
