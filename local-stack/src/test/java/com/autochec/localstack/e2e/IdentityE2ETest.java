package com.autochec.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Identity through the gateway, as a new user and an admin would do it: a newly registered account claims a demo
 * vehicle with the right plate, VIN suffix and registration-certificate number and holds it at once; with a wrong VIN
 * suffix the claim waits for the admin, who approves it; each account then sees that vehicle and nothing else in
 * {@code GET /api/vehicles/mine}. Disabling the demo organisation makes the demo agent's next token request fail;
 * re-enabling it restores it. Repeatable on the same stack: the claimed vehicles are fleet vehicles no account holds yet.
 */
class IdentityE2ETest {

    private static final String DEMO_ORGANISATION = "Police nationale (démo)";
    private final Random random = new Random();

    /** A fleet vehicle no account holds, with its validated registration-certificate number. */
    private record Claimable(String plate, String vin, String certificate) {}

    @Test
    void aNewAccountClaimingWithTheRightDataHoldsTheVehicleAtOnceAndSeesOnlyIt() {
        NewAccount account = registerOwner();
        Claimable vehicle = claimable(List.of());

        HttpResponse<String> claim = claim(account, vehicle.plate(), last4(vehicle.vin()), vehicle.certificate());

        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(201);
        assertThat(Stack.json(claim).path("status").asString()).isEqualTo("APPROVED");
        awaitMine(account, vehicle.plate());
    }

    @Test
    void aWrongVinSuffixWaitsForTheAdminWhoApprovesThenTheAccountSeesOnlyThatVehicle() {
        NewAccount account = registerOwner();
        Claimable vehicle = claimable(List.of());
        String wrong = last4(vehicle.vin()).equals("0000") ? "1111" : "0000";

        HttpResponse<String> claim = claim(account, vehicle.plate(), wrong, vehicle.certificate());
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(201);
        JsonNode filed = Stack.json(claim);
        assertThat(filed.path("status").asString()).isEqualTo("PENDING");
        String claimId = filed.path("id").asString();

        // the owner sees their claim, not its registry mismatch; the admin's queue has it, with the mismatch
        HttpResponse<String> mine = Stack.send(request("/api/accounts/claims", account.token()).GET());
        assertThat(Stack.entries(Stack.json(mine))).extracting(c -> c.path("id").asString()).containsExactly(claimId);
        assertThat(mine.body()).doesNotContain("VIN_MISMATCH");
        HttpResponse<String> queue = Stack.get("/api/accounts/claims?status=PENDING", "admin");
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
        JsonNode queued = Stack.entries(Stack.json(queue)).stream()
                .filter(c -> claimId.equals(c.path("id").asString())).findFirst().orElseThrow();
        assertThat(queued.path("mismatches").values().stream().map(JsonNode::asString).toList()).contains("VIN_MISMATCH");
        assertThat(Stack.send(request("/api/vehicles/mine", account.token()).GET()).body()).doesNotContain(vehicle.plate());

        // only an admin decides
        HttpResponse<String> byOwner = Stack.send(request("/api/accounts/claims/" + claimId + "/approve", account.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(byOwner.statusCode()).isEqualTo(403);
        HttpResponse<String> approved = Stack.postJson("/api/accounts/claims/" + claimId + "/approve",
                "{\"reason\":\"Carte grise vérifiée par téléphone\"}", "admin");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(Stack.json(approved).path("status").asString()).isEqualTo("APPROVED");

        awaitMine(account, vehicle.plate());
    }

    @Test
    void disablingTheDemoOrganisationMakesTheDemoAgentsNextTokenRequestFailAndReEnablingRestoresIt() {
        String organisationId = Stack.entries(Stack.json(Stack.get("/api/organisations", "admin"))).stream()
                .filter(o -> DEMO_ORGANISATION.equals(o.path("name").asString()))
                .map(o -> o.path("id").asString())
                .findFirst().orElseThrow();
        awaitAgentToken();
        try {
            HttpResponse<String> disabled = patch("/api/organisations/" + organisationId, "{\"active\":false}");
            assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

            HttpResponse<String> refused = passwordGrant("agent", "agent");
            assertThat(refused.statusCode()).as(refused.body()).isIn(400, 401);
            assertThat(refused.body()).doesNotContain("access_token").contains("invalid_grant");
        } finally {
            HttpResponse<String> enabled = patch("/api/organisations/" + organisationId, "{\"active\":true}");
            assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
        }
        awaitAgentToken();
    }

    /**
     * The demo agent gets a token. Keycloak 26.0's brute-force detector sometimes answers user_temporarily_disabled
     * to quick successive successful log-ins (keycloak/keycloak#36495), for its minimum quick-login wait (60 s): wait it out.
     */
    private static void awaitAgentToken() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            HttpResponse<String> token = passwordGrant("agent", "agent");
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        });
    }

    @Test
    void onlyAdminsListAccountsByRole() {
        HttpResponse<String> agents = Stack.get("/api/accounts/users?role=agent&size=50", "admin");
        assertThat(agents.statusCode()).as(agents.body()).isEqualTo(200);
        assertThat(Stack.entries(Stack.json(agents))).extracting(a -> a.path("username").asString()).contains("agent");
        HttpResponse<String> owners = Stack.get("/api/accounts/users?role=owner&size=100", "admin");
        assertThat(owners.statusCode()).as(owners.body()).isEqualTo(200);
        assertThat(Stack.get("/api/accounts/users?role=owner", "agent").statusCode()).isEqualTo(403);
        assertThat(Stack.get("/api/accounts/users?role=owner", "owner").statusCode()).isEqualTo(403);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private void awaitMine(NewAccount account, String plate) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> mine = Stack.send(request("/api/vehicles/mine", account.token()).GET());
            assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
            assertThat(Stack.entries(Stack.json(mine))).extracting(v -> v.path("plate").asString()).containsExactly(plate);
        });
    }

    private HttpResponse<String> claim(NewAccount account, String plate, String vinLast4, String certificate) {
        String body = "{\"plate\":\"%s\",\"vinLast4\":\"%s\",\"certificateNumber\":\"%s\"}".formatted(plate, vinLast4, certificate);
        return Stack.send(request("/api/accounts/claims", account.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A random fleet vehicle (not one of the fixed demo plates) held by no account, with its certificate number. */
    private Claimable claimable(List<String> avoid) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int page = 1 + random.nextInt(150);
            HttpResponse<String> list = Stack.get("/api/vehicles?page=" + page + "&size=50", "admin");
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            List<JsonNode> free = new ArrayList<>();
            for (JsonNode summary : Stack.entries(Stack.json(list))) {
                // the admin's list carries no person data: open the vehicle, with a purpose, to see its holder
                boolean normal = true;
                for (JsonNode status : summary.path("statuses")) {
                    normal &= "NORMAL".equals(status.asString());
                }
                if (!normal || avoid.contains(summary.path("plate").asString())) {
                    continue;
                }
                HttpResponse<String> read = Stack.get("/api/vehicles/" + summary.path("id").asString()
                        + "?purpose=OTHER&purposeText=test%20de%20revendication", "admin");
                if (read.statusCode() != 200) {
                    continue;
                }
                JsonNode vehicle = Stack.json(read);
                JsonNode owner = vehicle.path("owner");
                boolean held = !owner.path("accountId").isMissingNode() && !owner.path("accountId").isNull()
                        && !owner.path("accountId").asString().isBlank();
                if (!owner.isMissingNode() && !owner.isNull() && !held && !vehicle.path("stolen").asBoolean()
                        && !avoid.contains(vehicle.path("plate").asString())) {
                    free.add(vehicle);
                }
            }
            for (JsonNode vehicle : free) {
                String vin = vehicle.path("vin").asString();
                HttpResponse<String> documents = Stack.get("/api/documents?vin=" + vin, "admin");
                if (documents.statusCode() != 200) {
                    continue;
                }
                for (JsonNode document : Stack.entries(Stack.json(documents))) {
                    if ("REGISTRATION".equals(document.path("type").asString())
                            && "VALIDATED".equals(document.path("status").asString())) {
                        return new Claimable(vehicle.path("plate").asString(), vin, document.path("reference").asString());
                    }
                }
            }
        }
        throw new IllegalStateException("no fleet vehicle without an account found");
    }

    private static String last4(String vin) {
        return vin.substring(vin.length() - 4);
    }

    private record NewAccount(String username, String password, String token) {}

    /**
     * A new owner account, as self-registration makes one (the realm's default roles give it {@code owner}): created
     * through Keycloak's admin API with auth-service's client (its secret is in {@code -Dautochec.secretsDir}).
     */
    private NewAccount registerOwner() {
        String secretsDir = System.getProperty("autochec.secretsDir", "");
        assumeThat(secretsDir).as("-Dautochec.secretsDir (set by ./autochec test)").isNotBlank();
        String secret;
        try {
            secret = Files.readString(Path.of(secretsDir, "admin-client-secret")).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<String> serviceToken = form("/realms/autochec/protocol/openid-connect/token",
                "grant_type=client_credentials&client_id=autochec-admin&client_secret=" + Stack.enc(secret));
        assertThat(serviceToken.statusCode()).as(serviceToken.body()).isEqualTo(200);
        String adminToken = Stack.JSON.readTree(serviceToken.body()).get("access_token").asString();

        String username = "e2e-owner-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Owner-" + UUID.randomUUID();
        String user = """
                {"username":"%s","email":"%s@example.fr","firstName":"Eve","lastName":"Nouvelle","enabled":true,
                 "emailVerified":true,"credentials":[{"type":"password","value":"%s","temporary":false}]}"""
                .formatted(username, username, password);
        HttpResponse<String> created = Stack.send(HttpRequest.newBuilder(URI.create(Stack.KEYCLOAK_URL + "/admin/realms/autochec/users"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> token = passwordGrant(username, password);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return new NewAccount(username, password, Stack.JSON.readTree(token.body()).get("access_token").asString());
    }

    /** A fresh token request (never cached): the answer as Keycloak gives it. */
    private static HttpResponse<String> passwordGrant(String username, String password) {
        return form("/realms/autochec/protocol/openid-connect/token",
                "grant_type=password&client_id=autochec-cli&username=" + Stack.enc(username) + "&password=" + Stack.enc(password));
    }

    private static HttpResponse<String> form(String path, String form) {
        return Stack.send(HttpRequest.newBuilder(URI.create(Stack.KEYCLOAK_URL + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpResponse<String> patch(String path, String json) {
        return Stack.send(request(path, Stack.token("admin")).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(Stack.BASE_URL + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + token);
    }
}
