package com.autochec.gateway.apidocs;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import com.autochec.gateway.config.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v3/api-docs}: one OpenAPI document for the whole API, merged from every routed service's
 * {@code /v3/api-docs} (fetched with a short time-out; a service that is down is left out and named
 * in {@code x-unavailable}). Cached briefly. Swagger UI ({@code /swagger-ui.html}) reads it.
 */
@RestController
class ApiDocsController {

    private static final Logger log = LoggerFactory.getLogger(ApiDocsController.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration CACHE_FOR = Duration.ofSeconds(30);

    private final RouteDefinitionLocator routes;
    private final WebClient http;
    private final JsonMapper json;
    private final ApiDocsMerger merger;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    private final String keycloakRealmUrl;

    ApiDocsController(RouteDefinitionLocator routes, JsonMapper json, GatewayProperties properties) {
        this.routes = routes;
        String keycloak = properties.webClient().keycloakUrl().replaceAll("/+$", "");
        this.keycloakRealmUrl = keycloak + "/realms/" + properties.webClient().realm();
        this.http = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                        .responseTimeout(FETCH_TIMEOUT)))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
        this.json = json;
        this.merger = new ApiDocsMerger(json);
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<String>> apiDocs() {
        Cached cached = cache.get();
        Mono<String> body = cached != null && cached.until().isAfter(Instant.now())
                ? Mono.just(cached.body())
                : merged().doOnNext(b -> {
                    if (!b.contains("\"x-unavailable\"")) { // a partial document is not kept: the next call asks again
                        cache.set(new Cached(b, Instant.now().plus(CACHE_FOR)));
                    }
                });
        return body.map(b -> ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(CACHE_FOR).cachePublic())
                .contentType(MediaType.APPLICATION_JSON)
                .body(b));
    }

    private Mono<String> merged() {
        return services()
                .flatMapSequential(service -> fetch(service.getValue())
                        .map(doc -> Map.entry(service.getKey(), doc))
                        .onErrorResume(e -> {
                            log.warn("API docs of {} unavailable: {}", service.getKey(), e.toString());
                            return Mono.just(Map.entry(service.getKey(), json.createObjectNode().put("x-unavailable", true)));
                        }))
                .collectList()
                .map(entries -> {
                    Map<String, JsonNode> documents = new LinkedHashMap<>();
                    java.util.List<String> unavailable = new java.util.ArrayList<>();
                    entries.forEach(e -> {
                        if (e.getValue().has("x-unavailable")) {
                            unavailable.add(e.getKey());
                        } else {
                            documents.put(e.getKey(), e.getValue());
                        }
                    });
                    ObjectNode merged = merger.merge(documents, "Autochec API");
                    addKeycloakLogin(merged);
                    if (!unavailable.isEmpty()) {
                        merged.putPOJO("x-unavailable", unavailable);
                    }
                    return json.writeValueAsString(merged);
                });
    }

    /**
     * Swagger UI's "Authorize": log in with Keycloak (authorization code + PKCE, client autochec-web) or paste
     * a bearer token.
     */
    private void addKeycloakLogin(ObjectNode merged) {
        ObjectNode components = merged.has("components") ? (ObjectNode) merged.get("components") : merged.putObject("components");
        ObjectNode schemes = components.has("securitySchemes")
                ? (ObjectNode) components.get("securitySchemes")
                : components.putObject("securitySchemes");
        ObjectNode flow = schemes.putObject("keycloak")
                .put("type", "oauth2")
                .put("description", "Log in with Keycloak (realm autochec)")
                .putObject("flows")
                .putObject("authorizationCode");
        flow.put("authorizationUrl", keycloakRealmUrl + "/protocol/openid-connect/auth");
        flow.put("tokenUrl", keycloakRealmUrl + "/protocol/openid-connect/token");
        flow.putObject("scopes").put("openid", "OpenID Connect");
        tools.jackson.databind.node.ArrayNode security = merged.putArray("security");
        security.addObject().putArray("bearer-jwt");
        security.addObject().putArray("keycloak").add("openid");
        security.addObject(); // or anonymously, as the public
    }

    /** One entry per routed service: the route id without its variant suffix → the service's base URI. */
    private Flux<Map.Entry<String, URI>> services() {
        return routes.getRouteDefinitions()
                .filter(route -> route.getUri() != null && route.getUri().getScheme() != null
                        && route.getUri().getScheme().startsWith("http"))
                .collectMap(ApiDocsController::serviceName, RouteDefinition::getUri, LinkedHashMap::new)
                .flatMapMany(map -> Flux.fromIterable(map.entrySet()));
    }

    static String serviceName(RouteDefinition route) {
        String id = route.getId();
        int service = id.indexOf("-service");
        return service > 0 ? id.substring(0, service + "-service".length()) : id;
    }

    private Mono<JsonNode> fetch(URI base) {
        return http.get()
                .uri(base.resolve("/v3/api-docs"))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .timeout(FETCH_TIMEOUT)
                .map(json::readTree);
    }

    private record Cached(String body, Instant until) {}
}
