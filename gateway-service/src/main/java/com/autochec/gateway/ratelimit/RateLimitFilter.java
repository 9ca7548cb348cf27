package com.autochec.gateway.ratelimit;

import com.autochec.gateway.config.GatewayProperties;
import com.autochec.platform.web.reactive.ReactiveProblemWriter;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Rate limits every routed request: anonymous callers per client IP, authenticated callers (a token
 * the security chain has already validated) per JWT subject with a higher limit. Over the limit:
 * 429 {@code rate-limited} problem with {@code Retry-After} in seconds.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private final boolean enabled;
    private final TokenBuckets anonymous;
    private final TokenBuckets authenticated;

    RateLimitFilter(GatewayProperties properties, Clock clock) {
        GatewayProperties.RateLimit limits = properties.rateLimit();
        this.enabled = limits.enabled();
        this.anonymous = buckets(limits.anonymous(), limits.maxKeys(), clock);
        this.authenticated = buckets(limits.authenticated(), limits.maxKeys(), clock);
    }

    private static TokenBuckets buckets(GatewayProperties.Limit limit, int maxKeys, Clock clock) {
        return limit.perSecond() > 0 ? new TokenBuckets(limit.perSecond(), limit.burst(), maxKeys, clock) : null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!enabled) {
            return chain.filter(exchange);
        }
        if (!exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            // The common anonymous case: no security-context lookup at all.
            return limit(anonymous, "ip:" + clientIp(exchange), exchange, chain);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> Map.entry(authenticated, "sub:" + principal.getName()))
                .defaultIfEmpty(Map.entry(anonymous, "ip:" + clientIp(exchange)))
                .flatMap(target -> limit(target.getKey(), target.getValue(), exchange, chain));
    }

    private Mono<Void> limit(TokenBuckets buckets, String key, ServerWebExchange exchange, GatewayFilterChain chain) {
        if (buckets == null) {
            return chain.filter(exchange);
        }
        long waitMillis = buckets.tryAcquire(key);
        if (waitMillis == 0) {
            return chain.filter(exchange);
        }
        long retryAfterSeconds = Math.max(1, (waitMillis + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return ReactiveProblemWriter.write(
                exchange,
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this client. Retry in " + retryAfterSeconds + " s.");
    }

    private static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    @Scheduled(fixedDelayString = "PT1M")
    void evictIdleBuckets() {
        if (anonymous != null) {
            anonymous.evictIdle();
        }
        if (authenticated != null) {
            authenticated.evictIdle();
        }
    }
}
