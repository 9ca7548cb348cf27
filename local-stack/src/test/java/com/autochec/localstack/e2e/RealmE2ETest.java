package com.autochec.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The imported realm gives the claims every service authorises with, and the services read them alike. */
class RealmE2ETest {

    @Test
    void anAgentTokenCarriesItsRolesAndOrganisation() {
        JsonNode claims = payload(Stack.token("agent"));

        assertThat(claims.path("preferred_username").asString()).isEqualTo("agent");
        assertThat(claims.path("organisation").asString()).isEqualTo("Police nationale (démo)");
        assertThat(claims.path("roles").values().stream().map(JsonNode::asString))
                .contains("agent", "owner") // every account is an owner by default (self-registration)
                .doesNotContain("admin");
    }

    @Test
    void authServiceSeesTheSameIdentityThroughTheGateway() {
        HttpResponse<String> me = Stack.get("/api/me", "agent");

        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        JsonNode body = Stack.json(me);
        assertThat(body.path("role").asString()).isEqualTo("agent");
        assertThat(body.path("organisation").asString()).isEqualTo("Police nationale (démo)");
    }

    private static JsonNode payload(String jwt) {
        String payload = jwt.split("\\.")[1];
        return Stack.JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
