package com.autochec.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The imported realm gives the claims every service authorises with, and the services read them alike. */
class RealmE2ETest {

    @Test
    void anAgentTokenCarriesItsRolesOrganisationAndTheApiAudience() {
        JsonNode claims = payload(Stack.token("agent"));

        assertThat(claims.path("preferred_username").asString()).isEqualTo("agent");
        assertThat(claims.path("organisation").asString()).isEqualTo("Police nationale (démo)");
        assertThat(claims.path("organisation_kind").asString()).isEqualTo("POLICE");
        // Staff accounts get their role only: 'owner' comes with the default roles of self-registered accounts.
        assertThat(strings(claims.path("roles"))).containsExactly("agent");
        assertThat(audiences(claims)).contains("autochec-api");
    }

    @Test
    void anOwnerTokenCarriesTheOwnerRoleFromTheDefaultRoles() {
        JsonNode claims = payload(Stack.token("owner"));

        assertThat(strings(claims.path("roles"))).contains("owner").doesNotContain("agent", "admin");
        assertThat(audiences(claims)).contains("autochec-api");
    }

    /** auth-service's service account is for the admin API only: its tokens are not accepted by the services. */
    @Test
    void theAdminClientsTokensDoNotCarryTheApiAudience() throws IOException, InterruptedException {
        String secretsDir = System.getProperty("autochec.secretsDir", "");
        assumeThat(secretsDir).as("-Dautochec.secretsDir (set by ./autochec test)").isNotBlank();
        String secret = Files.readString(Path.of(secretsDir, "admin-client-secret")).strip();
        String form = "grant_type=client_credentials&client_id=autochec-admin&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(Stack.KEYCLOAK_URL + "/realms/autochec/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = Stack.JSON.readTree(response.body()).get("access_token").asString();
        JsonNode claims = payload(token);
        assertThat(audiences(claims)).doesNotContain("autochec-api");

        // a genuine, unexpired token of the realm, for another audience: every service refuses it
        HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Stack.BASE_URL + "/api/me"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(401);
        assertThat(me.body()).contains("https://autochec.dev/problems/unauthorized");
    }

    @Test
    void authServiceSeesTheSameIdentityThroughTheGateway() {
        HttpResponse<String> me = Stack.get("/api/me", "agent");

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode body = Stack.json(me);
        assertThat(body.path("role").asString()).isEqualTo("agent");
        assertThat(body.path("organisation").asString()).isEqualTo("Police nationale (démo)");
    }

    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? strings(aud) : aud.isMissingNode() ? List.of() : List.of(aud.asString());
    }

    private static List<String> strings(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }

    private static JsonNode payload(String jwt) {
        String payload = jwt.split("\\.")[1];
        return Stack.JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
