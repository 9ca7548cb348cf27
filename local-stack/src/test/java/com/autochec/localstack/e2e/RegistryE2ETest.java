package com.autochec.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The registry's "done when" lines of the registry issue, through the gateway with real Keycloak tokens: the
 * fuzzy lookup, the purpose required on a vehicle read, a colour correction proposed by an agent and approved
 * by the admin reaching the next typed check, an owner refused a VIN change, a garage agent's stolen report
 * waiting for the admin while a police agent's takes effect at once. Every change is undone at the end so the
 * suite can run again on the same stack.
 */
class RegistryE2ETest {

    @Test
    void aMisreadPlateFindsTheVehicleFirst() {
        HttpResponse<String> response = Stack.get("/api/vehicles/search?plate=AB-I23-CD", "agent");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode first = Stack.json(response).path("candidates").get(0);
        assertThat(first.path("plate").asString()).isEqualTo("AB-123-CD");
        assertThat(response.body()).doesNotContain("Odile", "Martin");
    }

    @Test
    void aVehicleReadByAnAgentStatesItsPurpose() {
        HttpResponse<String> without = Stack.get("/api/vehicles?plate=AB-123-CD", "agent");
        assertThat(without.statusCode()).as(without.body()).isEqualTo(400);
        assertThat(Stack.contentType(without)).startsWith("application/problem+json");
        assertThat(Stack.json(without).path("type").asString()).isEqualTo("https://autochec.dev/problems/validation");

        HttpResponse<String> with = Stack.get("/api/vehicles?plate=AB-123-CD&purpose=ROADSIDE_CONTROL", "agent");
        assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
        JsonNode vehicle = Stack.json(with);
        assertThat(vehicle.path("owner").path("name").asString()).isEqualTo("Odile Martin");
        assertThat(Stack.allPropertyNames(vehicle.path("owner"))).doesNotContain("street", "email", "accountId");
    }

    @Test
    void anAgentsColourCorrectionApprovedByTheAdminShowsInTheNextCheck() {
        String original = colourInChecks();
        String colour = original.equals("Vert") ? "Jaune" : "Vert";
        try {
            String id = propose("agent", "AB-123-CD", "colour", colour);
            HttpResponse<String> queue = Stack.get("/api/proposals?status=PENDING&size=200", "admin");
            assertThat(queue.statusCode()).as(queue.body()).isEqualTo(200);
            JsonNode item = find(Stack.json(queue).path("items"), id);
            assertThat(item.path("current").asString()).isEqualTo(original);
            assertThat(item.path("proposed").asString()).isEqualTo(colour);

            approve(id);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> colourInChecks().equals(colour));
        } finally {
            if (!colourInChecks().equals(original)) {
                approve(propose("agent", "AB-123-CD", "colour", original));
            }
        }
    }

    @Test
    void anOwnerMayNotChangeTheVin() {
        HttpResponse<String> response = Stack.postJson("/api/proposals",
                "{\"plate\":\"AB-123-CD\",\"field\":\"vin\",\"value\":\"VF1RFB00X56789012\",\"justification\":\"erreur\"}",
                "owner");
        assertThat(response.statusCode()).as(response.body()).isIn(403, 422);
        assertThat(Stack.contentType(response)).startsWith("application/problem+json");
    }

    @Test
    void aGarageReportWaitsForTheAdminAPoliceReportTakesEffectAtOnce() {
        String garageVehicle = vehicleId("FL-100-AZ");
        String policeVehicle = vehicleId("FL-101-AZ");
        String proposal = null;
        try {
            HttpResponse<String> garage = Stack.postJson(
                    "/api/vehicles/" + garageVehicle + "/stolen-report", "{\"reference\":\"client\"}", "garage");
            assertThat(garage.statusCode()).as(garage.body()).isEqualTo(202);
            assertThat(Stack.json(garage).path("status").asString()).isEqualTo("PENDING");
            proposal = Stack.json(garage).path("proposalId").asString();
            assertThat(stolen(garageVehicle)).isFalse();

            HttpResponse<String> police = Stack.postJson(
                    "/api/vehicles/" + policeVehicle + "/stolen-report", "{\"reference\":\"PV-E2E\"}", "agent");
            assertThat(police.statusCode()).as(police.body()).isEqualTo(200);
            assertThat(stolen(policeVehicle)).isTrue();

            HttpResponse<String> clearByAgent = Stack.delete("/api/vehicles/" + policeVehicle + "/stolen-report", "agent");
            assertThat(clearByAgent.statusCode()).isEqualTo(403);
        } finally {
            if (proposal != null) {
                Stack.postJson("/api/proposals/" + proposal + "/reject", "{\"reason\":\"test de bout en bout\"}", "admin");
            }
            if (stolen(policeVehicle)) {
                HttpResponse<String> cleared = Stack.delete("/api/vehicles/" + policeVehicle + "/stolen-report", "admin");
                assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
            }
        }
    }

    private static String colourInChecks() {
        HttpResponse<String> check = Stack.postJson("/api/checks", "{\"plate\":\"AB-123-CD\"}", null);
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        return Stack.json(check).path("vehicle").path("colour").asString();
    }

    private static String propose(String user, String plate, String field, String value) {
        HttpResponse<String> response = Stack.postJson("/api/proposals", "{\"plate\":\"" + plate + "\",\"field\":\""
                + field + "\",\"value\":\"" + value + "\",\"justification\":\"constaté (test de bout en bout)\"}", user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(Stack.json(response).path("status").asString()).isEqualTo("PENDING");
        return Stack.json(response).path("id").asString();
    }

    private static void approve(String id) {
        HttpResponse<String> response = Stack.postJson("/api/proposals/" + id + "/approve", "{\"reason\":\"conforme\"}", "admin");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.path("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("proposal " + id + " not in the queue: " + items);
    }

    private static String vehicleId(String plate) {
        HttpResponse<String> response = Stack.get("/api/vehicles?plate=" + plate + "&purpose=FLEET_MANAGEMENT", "admin");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stack.json(response).path("id").asString();
    }

    private static boolean stolen(String vehicleId) {
        HttpResponse<String> response = Stack.get("/api/vehicles/" + vehicleId + "?purpose=FLEET_MANAGEMENT", "admin");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stack.json(response).path("stolen").asBoolean();
    }
}
