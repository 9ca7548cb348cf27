package com.autochec.gateway.webclient;

import com.autochec.gateway.config.GatewayProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /config.json}: where the web client logs in, so the page itself has no URL baked in, and its feature
 * flags ({@code vinPhoto}: the agent's VIN photo field).
 */
@RestController
class WebClientConfigController {

    private final WebClientConfig config;

    WebClientConfigController(GatewayProperties properties) {
        GatewayProperties.WebClient web = properties.webClient();
        String keycloakUrl = web.keycloakUrl().replaceAll("/+$", "");
        this.config = new WebClientConfig(keycloakUrl, web.realm(), web.clientId(),
                keycloakUrl + "/realms/" + web.realm(), web.photoCheckPath(), web.photoField(), web.vinPhoto());
    }

    @GetMapping("/config.json")
    ResponseEntity<WebClientConfig> config() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(config);
    }

    record WebClientConfig(
            String keycloakUrl,
            String realm,
            String clientId,
            String issuer,
            String photoCheckPath,
            String photoField,
            boolean vinPhoto) {}
}
