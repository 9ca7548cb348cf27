package com.autochec.verification.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.platform.security.Role;
import com.autochec.verification.check.CheckDocument.CheckedDocument;
import com.autochec.verification.check.CheckDocument.CheckedVehicle;
import com.autochec.verification.check.CheckDocument.Outbox;
import com.autochec.verification.check.CheckDocument.Owner;
import com.autochec.verification.check.CheckDocument.Requester;
import com.autochec.verification.check.CheckViews.Level;
import com.autochec.verification.rules.Reason;
import com.autochec.verification.rules.Severity;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CheckViewsTest {

    static final String OWNER_SUB = "00000000-0000-4000-8000-000000000003";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final CheckedVehicle VEHICLE = new CheckedVehicle(
            "veh-1",
            "AB-123-CD",
            "VF1RFB00012345678",
            "Renault",
            "Clio",
            "V 1.0 TCe",
            2019,
            "grey",
            "M1",
            "petrol",
            5,
            67,
            LocalDate.parse("2019-04-02"),
            false,
            new Owner(
                    "own-1",
                    "PERSON",
                    "Odile Martin",
                    "12 rue des Lilas",
                    "69003",
                    "Lyon",
                    "odile.martin@example.org",
                    OWNER_SUB));

    static CheckDocument check(Requester requester) {
        return new CheckDocument(
                "11111111-1111-4111-8111-111111111111",
                CheckStatus.COMPLETED,
                CheckSource.TYPED,
                "AB-123-CD",
                null,
                requester,
                "WARNING",
                List.of(Reason.of("TAX_ANNUAL_UNPAID", Severity.WARNING, "Aucun justificatif.", "No validated receipt.", "source", "documents")),
                VEHICLE,
                List.of(new CheckedDocument(
                        "doc-1",
                        "INSURANCE",
                        "VALIDATED",
                        true,
                        LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-12-31"),
                        "MAAF",
                        "POL-42",
                        null)),
                null,
                null,
                false,
                new Outbox("evt-1", false),
                Instant.parse("2026-03-15T10:00:00Z"),
                Instant.parse("2026-03-15T10:00:00.010Z"),
                null);
    }

    private static Requester requester(String sub, Role role) {
        return new Requester(sub, "someone", role, null);
    }

    @Test
    void levelsFollowRoleAndOwnership() {
        assertThat(CheckViews.level(requester(null, Role.PUBLIC), VEHICLE)).isEqualTo(Level.PUBLIC);
        assertThat(CheckViews.level(requester("other-owner", Role.OWNER), VEHICLE)).isEqualTo(Level.PUBLIC);
        assertThat(CheckViews.level(requester(OWNER_SUB, Role.OWNER), VEHICLE)).isEqualTo(Level.FULL);
        assertThat(CheckViews.level(requester("agent", Role.AGENT), VEHICLE)).isEqualTo(Level.AGENT);
        assertThat(CheckViews.level(requester("admin", Role.ADMIN), VEHICLE)).isEqualTo(Level.FULL);
        assertThat(CheckViews.level(requester(OWNER_SUB, Role.PUBLIC), null)).isEqualTo(Level.PUBLIC);
    }

    @Test
    void publicViewHasNoPersonDataAtAll() {
        JsonNode json = JSON.valueToTree(CheckViews.render(check(requester(null, Role.PUBLIC))));
        JsonNode vehicle = json.get("vehicle");
        assertThat(fieldNames(vehicle))
                .containsExactlyInAnyOrder(
                        "plate", "make", "model", "variant", "year", "colour", "category", "fuel", "firstRegistration");
        String text = json.toString();
        assertThat(text)
                .doesNotContain("owner")
                .doesNotContain("Odile")
                .doesNotContain("Martin")
                .doesNotContain("Lyon")
                .doesNotContain("Lilas")
                .doesNotContain("69003")
                .doesNotContain("example.org")
                .doesNotContain(OWNER_SUB)
                .doesNotContain("VF1RFB00012345678")
                .doesNotContain("MAAF")
                .doesNotContain("POL-42");
        assertThat(fieldNames(json.get("documents").get(0)))
                .containsExactlyInAnyOrder("type", "status", "valid", "validUntil");
    }

    @Test
    void anOwnerCheckingSomebodyElsesCarGetsThePublicView() {
        JsonNode json = JSON.valueToTree(CheckViews.render(check(requester("another-owner", Role.OWNER))));
        assertThat(json.get("vehicle").has("owner")).isFalse();
        assertThat(json.get("vehicle").has("vin")).isFalse();
    }

    @Test
    void agentViewAddsVinPowerAndOwnerNameAndTownOnly() {
        JsonNode json = JSON.valueToTree(CheckViews.render(check(requester("agent-1", Role.AGENT))));
        JsonNode vehicle = json.get("vehicle");
        assertThat(vehicle.get("vin").stringValue()).isEqualTo("VF1RFB00012345678");
        assertThat(vehicle.get("fiscalPower").intValue()).isEqualTo(5);
        assertThat(vehicle.get("powerKw").intValue()).isEqualTo(67);
        assertThat(fieldNames(vehicle.get("owner"))).containsExactlyInAnyOrder("name", "town");
        assertThat(json.toString()).doesNotContain("Lilas").doesNotContain("example.org").doesNotContain(OWNER_SUB);
        assertThat(json.get("documents").get(0).get("issuer").stringValue()).isEqualTo("MAAF");
        assertThat(json.get("documents").get(0).get("reference").stringValue()).isEqualTo("POL-42");
    }

    @Test
    void theOwnerAndAdminSeeEverything() {
        for (Requester requester : List.of(requester(OWNER_SUB, Role.OWNER), requester("admin-1", Role.ADMIN))) {
            JsonNode owner = JSON.valueToTree(CheckViews.render(check(requester))).get("vehicle").get("owner");
            assertThat(fieldNames(owner))
                    .containsExactlyInAnyOrder("kind", "name", "street", "postalCode", "town", "email");
            assertThat(owner.get("email").stringValue()).isEqualTo("odile.martin@example.org");
        }
    }

    @Test
    void reasonsKeepCodeSeverityAndBothMessagesAndHideTheirSourceFromThePublic() {
        JsonNode reason = JSON.valueToTree(CheckViews.render(check(requester(null, Role.PUBLIC))))
                .get("reasons")
                .get(0);
        assertThat(fieldNames(reason)).containsExactly("code", "severity", "message", "messageFr");
        JsonNode agents = JSON.valueToTree(CheckViews.render(check(requester("agent-sub", Role.AGENT))))
                .get("reasons")
                .get(0);
        assertThat(agents.get("evidence").get("source").stringValue()).isEqualTo("documents");
        assertThat(reason.get("severity").stringValue()).isEqualTo("WARNING");
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().toList();
    }
}
