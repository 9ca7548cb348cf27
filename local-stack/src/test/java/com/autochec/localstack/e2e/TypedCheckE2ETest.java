package com.autochec.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Typed checks through the gateway, as the public and as an agent, on the fixed demo vehicles. */
class TypedCheckE2ETest {

    @Test
    void anonymousCheckOfAValidVehicleIsOkAndShowsNoPersonalData() {
        HttpResponse<String> response = Stack.postJson("/api/checks", "{\"plate\":\"ab123cd\"}", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode check = Stack.json(response);
        assertThat(check.path("plate").asString()).isEqualTo("AB-123-CD");
        assertThat(check.path("verdict").asString()).as(response.body()).isEqualTo("OK");
        assertThat(check.path("vehicle").path("make").asString()).isEqualTo("Peugeot");
        assertThat(response.body()).doesNotContain("Martin", "Odile", "rue des Martyrs", "75009", "odile.martin");
        assertThat(Stack.allPropertyNames(check)).doesNotContain("owner", "vin", "street", "email");
    }

    @Test
    void anAgentSeesTheOwnersName() {
        HttpResponse<String> response = Stack.postJson("/api/checks",
                "{\"plate\":\"AB-123-CD\",\"purpose\":\"ROADSIDE_CONTROL\"}", "agent");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode check = Stack.json(response);
        assertThat(check.path("verdict").asString()).isEqualTo("OK");
        assertThat(response.body()).contains("Odile Martin");
    }

    @Test
    void anOverseasFniPlateIsCheckedLikeAnyFrenchPlate() {
        HttpResponse<String> response = Stack.postJson("/api/checks", "{\"plate\":\"123 ab 971\"}", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode check = Stack.json(response);
        assertThat(check.path("plate").asString()).isEqualTo("123-AB-971");
        assertThat(check.path("verdict").asString()).as(response.body()).isEqualTo("OK");
        assertThat(check.path("vehicle").path("make").asString()).isEqualTo("Renault");
    }

    @Test
    void aPlateNumberNeverIssuedIsRefusedTheSameWayByTheChecksAndTheRegistry() {
        HttpResponse<String> check = Stack.postJson("/api/checks", "{\"plate\":\"0-AB-75\"}", null);
        HttpResponse<String> registry = Stack.get("/api/vehicles?plate=0-AB-75&purpose=ROADSIDE_CONTROL", "admin");

        for (HttpResponse<String> response : List.of(check, registry)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(Stack.contentType(response)).startsWith("application/problem+json");
            assertThat(Stack.json(response).path("type").asString()).isEqualTo("https://autochec.dev/problems/validation");
        }
    }

    @Test
    void aWellFormedForeignPlateIsNotRegisteredNotUnreadable() {
        JsonNode check = okCheck("M5XSX");
        assertThat(reasonCodes(check)).contains("PLATE_NOT_REGISTERED").doesNotContain("PLATE_UNREADABLE");
    }

    @Test
    void expiredInsuranceFails() {
        JsonNode check = okCheck("EF-456-GH");
        assertThat(check.path("verdict").asString()).isEqualTo("FAIL");
        assertThat(reasonCodes(check)).contains("INSURANCE_EXPIRED");
    }

    @Test
    void expiredTechnicalInspectionIsReported() {
        JsonNode check = okCheck("GH-789-JK");
        assertThat(check.path("verdict").asString()).isEqualTo("FAIL");
        assertThat(reasonCodes(check)).containsExactly("INSPECTION_EXPIRED");
    }

    @Test
    void aStolenVehicleFails() {
        JsonNode check = okCheck("ST-123-OL");
        assertThat(check.path("verdict").asString()).isEqualTo("FAIL");
        assertThat(reasonCodes(check)).contains("REPORTED_STOLEN");
    }

    @Test
    void aNoSqlInjectionAttemptIsABadRequestProblem() {
        HttpResponse<String> response = Stack.postJson("/api/checks", "{\"plate\":{\"$ne\":null}}", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Stack.contentType(response)).startsWith("application/problem+json");
        assertThat(Stack.json(response).path("status").asInt()).isEqualTo(400);
    }

    @Test
    void anUnknownPlateIsANotFoundProblem() {
        HttpResponse<String> response = Stack.postJson("/api/checks", "{\"plate\":\"ZZ-999-ZZ\"}", null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
        assertThat(Stack.contentType(response)).startsWith("application/problem+json");
    }

    private static JsonNode okCheck(String plate) {
        HttpResponse<String> response = Stack.postJson("/api/checks", "{\"plate\":\"" + plate + "\"}", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stack.json(response);
    }

    /** The codes of the results worse than INFO (a check also lists what is fine, as INFO). */
    private static List<String> reasonCodes(JsonNode check) {
        return check.path("reasons").values().stream()
                .filter(reason -> !"INFO".equals(reason.path("severity").asString()))
                .map(reason -> reason.path("code").asString())
                .toList();
    }
}
