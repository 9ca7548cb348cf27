package com.autochec.gateway.webclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The web client as the gateway serves it to a browser that has no token: every file of the service worker's
 * app shell answers 200 with the type a browser needs (ES modules as JavaScript, the manifest as
 * application/manifest+json), without authentication, and the console's addresses lead to the client.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://keycloak.test/realms/autochec",
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/certs",
            "autochec.gateway.rate-limit.enabled=false",
        })
class StaticWebClientIntegrationTest {

    @Value("${local.server.port}")
    int port;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void theHomePageIsFrenchAndNamesItsManifest() {
        String html = client().get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("<html lang=\"fr\">", "rel=\"manifest\" href=\"/manifest.webmanifest\"",
                "type=\"module\" src=\"/js/app.js\"", "name=\"viewport\"");
    }

    @Test
    void theManifestIsServedAsAWebAppManifest() {
        String manifest = client().get().uri("/manifest.webmanifest").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(WebClientPagesController.MANIFEST)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(manifest).contains("\"lang\": \"fr\"", "\"scope\": \"/\"", "\"display\": \"standalone\"", "icon-512.png");
    }

    @Test
    void theServiceWorkerIsJavaScriptRevalidatedAtEachLoadWithRootScope() {
        client().get().uri("/sw.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/javascript"))
                .expectHeader().valueEquals("Service-Worker-Allowed", "/")
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("no-cache"));
    }

    @Test
    void everyFileOfTheAppShellIsServedWithoutAuthenticationAndWithItsType() throws IOException {
        List<String> shell = shellOfTheServiceWorker();
        assertThat(shell).contains("/", "/js/app.js", "/js/i18n.js", "/icons/icon-192.png");
        for (String path : shell) {
            var result = client().get().uri(path).exchange().expectStatus().isOk().returnResult(byte[].class);
            MediaType type = result.getResponseHeaders().getContentType();
            assertThat(type).as(path).isNotNull();
            if (path.endsWith(".js")) assertThat(type.isCompatibleWith(MediaType.parseMediaType("text/javascript"))).as(path).isTrue();
            if (path.endsWith(".png")) assertThat(type.isCompatibleWith(MediaType.IMAGE_PNG)).as(path).isTrue();
            if (path.endsWith(".css")) assertThat(type.isCompatibleWith(MediaType.parseMediaType("text/css"))).as(path).isTrue();
            assertThat(result.getResponseHeaders().getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
    }

    @Test
    void theConsoleAddressesLeadToTheClientInsteadOfAJson404() {
        client().get().uri("/admin").exchange().expectStatus().isFound().expectHeader().valueEquals(HttpHeaders.LOCATION, "/#/admin");
        client().get().uri("/admin/documents").exchange().expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/#/admin/documents");
        client().get().uri("/agent").exchange().expectStatus().isFound().expectHeader().valueEquals(HttpHeaders.LOCATION, "/#/controle");
        client().get().uri("/proprietaire").exchange().expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/#/vehicules");
    }

    static List<String> shellOfTheServiceWorker() throws IOException {
        String sw = new ClassPathResource("static/sw.js").getContentAsString(StandardCharsets.UTF_8);
        Matcher list = Pattern.compile("const SHELL = \\[(.*?)\\];", Pattern.DOTALL).matcher(sw);
        assertThat(list.find()).as("sw.js declares its SHELL").isTrue();
        List<String> paths = new ArrayList<>();
        Matcher path = Pattern.compile("'([^']+)'").matcher(list.group(1));
        while (path.find()) paths.add(path.group(1));
        return paths;
    }

    @Test
    void theClientIsServedWithAStrictContentSecurityPolicyAndTheOtherSecurityHeaders() {
        for (String path : List.of("/", "/index.html", "/js/app.js", "/config.json", "/sw.js", "/manifest.webmanifest")) {
            var headers = client().get().uri(path).exchange().expectStatus().isOk().returnResult(byte[].class)
                    .getResponseHeaders();
            String csp = headers.getFirst("Content-Security-Policy");
            assertThat(csp).as(path)
                    .contains("default-src 'self'", "script-src 'self';", "style-src 'self'",
                            "connect-src 'self' http://localhost:8180;", "img-src 'self' data: blob:",
                            "frame-ancestors 'none'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(headers.getFirst("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(headers.getFirst("Permissions-Policy")).as(path).isEqualTo("camera=(self), geolocation=(self)");
        }
    }

    @Test
    void theConnectSourceIsTheKeycloakOriginTheClientIsConfiguredWith() {
        String keycloak = client().get().uri("/config.json").exchange().expectBody(String.class).returnResult()
                .getResponseBody().replaceAll("(?s).*\"keycloakUrl\":\"([^\"]+)\".*", "$1");
        String csp = client().get().uri("/").exchange().returnResult(byte[].class).getResponseHeaders()
                .getFirst("Content-Security-Policy");
        assertThat(csp).contains("connect-src 'self' " + SecurityHeaders.origin(keycloak) + ";");
    }

    @Test
    void thePagesHaveNoInlineScriptOrStyleThePolicyWouldBlock() throws IOException {
        String html = new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain("<style")
                .doesNotContainPattern("\\son[a-z]+=").doesNotContainPattern("\\sstyle=");
    }
}
