package com.autochec.gateway.ratelimit;

import com.autochec.gateway.config.GatewayProperties;
import com.autochec.platform.web.reactive.ReactiveProblemWriter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refuses a body announced bigger than {@code autochec.gateway.max-request-size} with a 413 problem
 * before a byte of it is forwarded. Chunked bodies are streamed and left to the service to bound.
 */
@Component
class RequestSizeFilter implements GlobalFilter, Ordered {

    private final long maxBytes;

    RequestSizeFilter(GatewayProperties properties) {
        this.maxBytes = properties.maxRequestSize().toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 110;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return ReactiveProblemWriter.write(
                    exchange,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is " + length + " bytes; at most " + maxBytes + " bytes are accepted.");
        }
        return chain.filter(exchange);
    }
}
