package com.autochec.localstack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Checks follow France's rules and raise fraud signals, through the gateway as a new user would (issue "Checks and
 * documents", done-when lines of verification-service): the demo's fixed vehicles give their codes, a vehicle under
 * 4 years has no CT due, a private car has no "tax unpaid", an agent who sees a red car where the registry says white
 * gets an attributes warning, and one plate checked 500 km apart within minutes is impossible travel.
 */
class ChecksE2ETest {

    private static JsonNode check(String body, String user) {
        HttpResponse<String> response = Stack.postJson("/api/checks", body, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Stack.json(response);
    }

    private static JsonNode agentCheck(String plate, String extra) {
        return check("{\"plate\":\"" + plate + "\",\"purpose\":\"ROADSIDE_CONTROL\"" + extra + "}", "agent");
    }

    private static Map<String, String> codes(JsonNode check) {
        return check.path("reasons").values().stream().collect(Collectors.toMap(
                r -> r.path("code").asString(), r -> r.path("severity").asString(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static JsonNode reason(JsonNode check, String code) {
        return check.path("reasons").values().stream().filter(r -> code.equals(r.path("code").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + check));
    }

    @Test
    void theFixedDemoVehiclesGiveTheirCodes() {
        JsonNode ok = agentCheck("AB-123-CD", "");
        assertThat(ok.path("verdict").asString()).as(ok.toString()).isEqualTo("OK");
        assertThat(codes(ok)).containsEntry("INSURANCE_VALID", "INFO").containsEntry("INSPECTION_VALID", "INFO")
                .containsEntry("TAX_PAID", "INFO").containsEntry("PLATE_FORMAT_VALID", "INFO");
        assertThat(reason(ok, "INSURANCE_VALID").path("evidence").path("source").asString()).startsWith("document");
        assertThat(reason(ok, "INSURANCE_VALID").path("evidence").path("asOf").asString()).isNotBlank();
        assertThat(reason(ok, "INSURANCE_VALID").path("messageFr").asString()).startsWith("Assuré jusqu'au");

        assertThat(codes(agentCheck("EF-456-GH", ""))).containsEntry("INSURANCE_EXPIRED", "FAIL");
        assertThat(codes(agentCheck("GH-789-JK", ""))).containsEntry("INSPECTION_EXPIRED", "FAIL");
        JsonNode stolen = agentCheck("ST-123-OL", "");
        assertThat(stolen.path("verdict").asString()).isEqualTo("FAIL");
        assertThat(codes(stolen)).containsEntry("REPORTED_STOLEN", "FAIL").containsEntry("PLATE_NOT_ISSUABLE", "WARNING");
        JsonNode overseas = agentCheck("123-AB-971", "");
        assertThat(overseas.path("verdict").asString()).as(overseas.toString()).isEqualTo("OK");
        assertThat(reason(overseas, "PLATE_FORMAT_VALID").path("evidence").path("kind").asString()).isEqualTo("FNI_OVERSEAS");
    }

    @Test
    void aPrivateCarNeverOwesAnAnnualTax() {
        JsonNode check = agentCheck("AB-123-CD", "");
        assertThat(codes(check)).containsKey("TAX_PAID").doesNotContainKeys("TAX_ANNUAL_UNPAID", "ROAD_TAX_UNPAID");
        assertThat(reason(check, "TAX_PAID").path("evidence").path("annualTax").asString()).isEqualTo("NOT_APPLICABLE");
    }

    @Test
    void aVehicleUnderFourYearsHasNoInspectionDue() throws IOException {
        Optional<String> young = youngDemoVehicle();
        assumeThat(young).as("a demo vehicle first registered less than 3 years ago (demo vehicles.csv)").isPresent();
        JsonNode check = check("{\"plate\":\"" + young.get() + "\"}", null);
        assertThat(codes(check)).as(check.toString()).containsEntry("INSPECTION_NOT_YET_DUE", "INFO")
                .doesNotContainKeys("INSPECTION_MISSING", "INSPECTION_EXPIRED", "INSPECTION_DUE_SOON");
        assertThat(reason(check, "INSPECTION_NOT_YET_DUE").path("evidence").path("dueDate").asString()).isNotBlank();
    }

    @Test
    void anAgentSeeingARedCarWhereTheRegistrySaysWhiteGetsAnAttributesWarning() {
        JsonNode check = agentCheck("123-AB-971", ",\"observed\":{\"make\":\"Renault\",\"colour\":\"rouge\"}");
        assertThat(check.path("verdict").asString()).as(check.toString()).isEqualTo("WARNING");
        JsonNode mismatch = reason(check, "ATTRIBUTES_COLOUR_MISMATCH");
        assertThat(mismatch.path("severity").asString()).isEqualTo("WARNING");
        assertThat(mismatch.path("evidence").path("observed").asString()).isEqualTo("rouge");
        assertThat(mismatch.path("evidence").path("registered").asString()).isEqualTo("Blanc");
        assertThat(codes(check)).doesNotContainKey("ATTRIBUTES_MAKE_MISMATCH");
    }

    @Test
    void onePlateCheckedFiveHundredKilometresApartWithinMinutesIsImpossibleTravel() {
        // Paris, then 500 km due east at the same latitude, seconds later (a fortiori 10 minutes later)
        agentCheck("AB-123-CD", ",\"location\":{\"lat\":48.8566,\"lon\":2.3522}");
        double east = 2.3522 + 500 / (111.32 * Math.cos(Math.toRadians(48.8566)));
        JsonNode second = agentCheck("AB-123-CD", ",\"location\":{\"lat\":48.8566,\"lon\":" + east + "}");
        JsonNode travel = reason(second, "IMPOSSIBLE_TRAVEL");
        assertThat(travel.path("severity").asString()).isEqualTo("WARNING");
        assertThat(Double.parseDouble(travel.path("evidence").path("distanceKm").asString())).isBetween(490.0, 510.0);
        assertThat(second.path("verdict").asString()).isEqualTo("WARNING");
    }

    @Test
    void aPublicCheckNeitherNeedsAPurposeNorLearnsWhereAPlateWasSeen() {
        JsonNode check = check("{\"plate\":\"AB-123-CD\",\"location\":{\"lat\":43.2965,\"lon\":5.3698}}", null);
        assertThat(codes(check)).doesNotContainKeys("IMPOSSIBLE_TRAVEL", "PLATE_SEEN_ON_OTHER_VEHICLE");
        assertThat(check.path("reasons").values().stream().flatMap(r -> r.path("evidence").properties().stream().map(Map.Entry::getKey)))
                .doesNotContain("source", "previousCheckId", "previousLocation", "location", "vin");
    }

    @Test
    void anAgentsCheckWithoutAValidPurposeIsRefused() {
        for (String body : List.of("{\"plate\":\"AB-123-CD\"}", "{\"plate\":\"AB-123-CD\",\"purpose\":\"contrôle\"}",
                "{\"plate\":\"AB-123-CD\",\"purpose\":\"OTHER\"}")) {
            HttpResponse<String> response = Stack.postJson("/api/checks", body, "agent");
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(Stack.contentType(response)).startsWith("application/problem+json");
            assertThat(Stack.json(response).path("type").asString()).isEqualTo("https://autochec.dev/problems/validation");
        }
    }

    /** A generated private vehicle first registered less than 3 years ago, from the demo files of this stack. */
    static Optional<String> youngDemoVehicle() throws IOException {
        Path csv = StackHome.home().resolve("data/demo/vehicles.csv");
        if (!Files.isRegularFile(csv)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int plate = header.indexOf("plate");
        int first = header.indexOf("first_registration");
        int stolen = header.indexOf("stolen");
        LocalDate limit = LocalDate.now().minusYears(3);
        return lines.stream().skip(1)
                .map(line -> line.split(",", -1))
                .filter(f -> f.length == header.size())
                .filter(f -> !f[first].isBlank() && LocalDate.parse(f[first]).isAfter(limit))
                .filter(f -> !"true".equals(f[stolen]))
                .map(f -> f[plate])
                .findFirst();
    }
}
