package com.autochec.gateway.webclient;

import com.autochec.gateway.config.GatewayProperties;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The browser security headers of everything the gateway answers — the web client's files and pages, and the
 * services' answers it routes (set just before the response is committed, over whatever a service sent):
 * a Content-Security-Policy that lets the client load only its own scripts, styles and images (plus
 * {@code data:} and {@code blob:} images: icons, the photo preview) and talk only to its own origin and to
 * Keycloak ({@code autochec.gateway.web-client.keycloak-url}, the value {@code /config.json} gives the client);
 * no framing; {@code nosniff}; no referrer; the camera and geolocation for this origin only. The report
 * verification page ({@code /verify/**}, report-service's HTML with its inline stylesheet) and the API
 * explorer ({@code /swagger-ui/**}) also allow inline styles — never inline scripts.
 */
@Component
class SecurityHeaders implements WebFilter, Ordered {

    static final String PERMISSIONS_POLICY = "camera=(self), geolocation=(self)";
    static final String REFERRER_POLICY = "no-referrer";

    private final String policy;
    private final String policyWithInlineStyles;

    SecurityHeaders(GatewayProperties properties) {
        String keycloak = origin(properties.webClient().keycloakUrl());
        String common = "default-src 'self'; script-src 'self'; connect-src 'self' " + keycloak
                + "; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'";
        this.policy = common + "; style-src 'self'";
        this.policyWithInlineStyles = common + "; style-src 'self' 'unsafe-inline'";
    }

    /** The origin (scheme://host[:port]) of a URL: a CSP source names an origin, not a path. */
    static String origin(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("autochec.gateway.web-client.keycloak-url must be an absolute URL: " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    String policyFor(String path) {
        return path.startsWith("/verify/") || path.startsWith("/swagger-ui") ? policyWithInlineStyles : policy;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String csp = policyFor(exchange.getRequest().getPath().value());
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("Content-Security-Policy", csp);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", REFERRER_POLICY);
            headers.set("Permissions-Policy", PERMISSIONS_POLICY);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** First, so that its headers are on every answer, the rate limiter's and security's refusals included. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
