package com.autochec.gateway.management;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.gateway.config.GatewayProperties;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

class ManagementAccessFilterTest {

    private final ManagementAccessFilter filter = new ManagementAccessFilter(properties());

    @Test
    void healthIsPublicMetricsOnlyFromTheManagementNetworks() {
        assertThat(passes("/actuator/health/readiness", "203.0.113.7")).isTrue();
        assertThat(passes("/actuator/health", "203.0.113.7")).isTrue();
        assertThat(passes("/actuator/prometheus", "127.0.0.1")).isTrue();
        assertThat(passes("/actuator/prometheus", "203.0.113.7")).isFalse();
        assertThat(passes("/actuator/env", "10.1.2.3")).isFalse();
        assertThat(passes("/actuator", "192.168.1.5")).isFalse();
        assertThat(passes("/api/checks", "203.0.113.7")).isTrue();
    }

    @Test
    void aRefusedRequestGetsANotFoundProblem() {
        MockServerWebExchange exchange = exchange("/actuator/prometheus", "203.0.113.7");
        filter.filter(exchange, e -> Mono.empty()).block();
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(404);
        assertThat(exchange.getResponse().getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(exchange.getResponse().getBodyAsString().block()).contains("https://autochec.dev/problems/not-found");
    }

    private boolean passes(String path, String remote) {
        AtomicBoolean passed = new AtomicBoolean();
        filter.filter(exchange(path, remote), e -> {
                    passed.set(true);
                    return Mono.empty();
                })
                .block();
        return passed.get();
    }

    private static MockServerWebExchange exchange(String path, String remote) {
        return MockServerWebExchange.from(
                MockServerHttpRequest.get(path).remoteAddress(new InetSocketAddress(remote, 40000)));
    }

    private static GatewayProperties properties() {
        return new Binder(new MapConfigurationPropertySource(java.util.Map.of()))
                .bindOrCreate("autochec.gateway", Bindable.of(GatewayProperties.class));
    }
}
