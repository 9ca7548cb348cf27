package com.autochec.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.gateway.config.GatewayProperties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

class RequestSizeFilterTest {

    private final RequestSizeFilter filter = new RequestSizeFilter(properties("1KB"));

    @Test
    void refusesAnAnnouncedBodyOverTheLimitWithA413Problem() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post("/api/checks/photo").contentLength(1025).build());
        AtomicBoolean forwarded = new AtomicBoolean();

        filter.filter(exchange, e -> Mono.fromRunnable(() -> forwarded.set(true))).block();

        assertThat(forwarded).isFalse();
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getBodyAsString().block())
                .contains("\"type\":\"https://autochec.dev/problems/payload-too-large\"", "\"status\":413");
    }

    @Test
    void forwardsABodyWithinTheLimit() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post("/api/checks/photo").contentLength(1024).build());
        AtomicBoolean forwarded = new AtomicBoolean();

        filter.filter(exchange, e -> Mono.fromRunnable(() -> forwarded.set(true))).block();

        assertThat(forwarded).isTrue();
    }

    private static GatewayProperties properties(String maxRequestSize) {
        var source = new MapConfigurationPropertySource(
                java.util.Map.of("autochec.gateway.max-request-size", maxRequestSize));
        return new Binder(source).bindOrCreate("autochec.gateway", GatewayProperties.class);
    }
}
