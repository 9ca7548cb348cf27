package com.autochec.gateway.webclient;

import java.net.URI;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the static resource handler cannot do alone for the web client (a PWA of plain ES modules under
 * {@code static/}): the manifest with its registered media type (Spring's table has no {@code .webmanifest}),
 * the service worker revalidated on every load, and the console's readable addresses ({@code /admin},
 * {@code /agent}, {@code /proprietaire}) sent to the client's hash routes instead of a JSON 404.
 */
@RestController
class WebClientPagesController {

    static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");
    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

    private final Resource manifest = new ClassPathResource("static/manifest.webmanifest");
    private final Resource serviceWorker = new ClassPathResource("static/sw.js");

    @GetMapping("/manifest.webmanifest")
    ResponseEntity<Resource> manifest() {
        return ResponseEntity.ok().contentType(MANIFEST).cacheControl(CacheControl.noCache()).body(manifest);
    }

    @GetMapping("/sw.js")
    ResponseEntity<Resource> serviceWorker() {
        return ResponseEntity.ok()
                .contentType(JAVASCRIPT)
                .cacheControl(CacheControl.noCache())
                .header("Service-Worker-Allowed", "/")
                .body(serviceWorker);
    }

    @GetMapping({"/admin", "/admin/{screen}"})
    ResponseEntity<Void> admin(@PathVariable(required = false) String screen) {
        return toClient(screen == null || !screen.matches("[a-z-]{1,30}") ? "/admin" : "/admin/" + screen);
    }

    @GetMapping({"/agent", "/controle"})
    ResponseEntity<Void> agent() {
        return toClient("/controle");
    }

    @GetMapping({"/proprietaire", "/owner", "/mes-vehicules"})
    ResponseEntity<Void> owner() {
        return toClient("/vehicules");
    }

    private static ResponseEntity<Void> toClient(String route) {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create("/#" + route)).build();
    }
}
