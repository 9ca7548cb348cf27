package com.autochec.report.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.autochec.contracts.check.CheckCompleted;
import com.autochec.contracts.document.DocumentType;
import com.autochec.contracts.document.ExpiryAlertRaised;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookEventsTest {

    static final CheckCompleted.Requester POLICE =
            new CheckCompleted.Requester("sub-1", "agent", "agent", "Police nationale (démo)", "POLICE");

    static CheckCompleted check(String eventId, CheckCompleted.Requester requester, String verdict,
            CheckCompleted.Reason... reasons) {
        return new CheckCompleted(eventId, Instant.parse("2026-12-01T10:00:01Z"), "chk-1",
                Instant.parse("2026-12-01T10:00:00Z"), "TYPED", "ST-123-OL", verdict, List.of(reasons), requester,
                "ROADSIDE_CONTROL",
                new CheckCompleted.CheckedVehicle("veh-1", "VF1RFB00X56123456", "Renault", "Clio", 2019, "Gris",
                        "Essence", "Odile Martin", "Besançon", "acc-owner"),
                List.of(), null, null, new CheckCompleted.Location(48.85, 2.35));
    }

    @Test
    void aStolenVehicleCheckedByAnAgentGivesThreeEventsForTheAgentsOrganisationOnly() {
        var stolen = check("evt-1", POLICE, "FAIL",
                new CheckCompleted.Reason("REPORTED_STOLEN", "FAIL", "Stolen", "Volé", java.util.Map.of("source", "registry")),
                new CheckCompleted.Reason("PLATE_NOT_ISSUABLE", "WARNING", "never issued"),
                new CheckCompleted.Reason("IMPOSSIBLE_TRAVEL", "WARNING", "Seen in Lyon 10 minutes ago", "Vu à Lyon", null),
                new CheckCompleted.Reason("INSURANCE_VALID", "INFO", "ok"));
        var events = WebhookEvents.of(stolen);
        assertThat(events).extracting(WebhookEvents.Outgoing::type).containsExactly(WebhookEventType.CHECK_FAILED,
                WebhookEventType.FRAUD_SIGNAL, WebhookEventType.STOLEN_VEHICLE_CHECKED);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.organisationKeys()).containsExactly("police nationale (démo)");
            assertThat(e.body()).contains("\"id\":\"" + e.eventId() + "\"", "\"type\":\"" + e.type() + "\"",
                            "\"plate\":\"ST-123-OL\"", "\"checkId\":\"chk-1\"", "\"verdict\":\"FAIL\"",
                            "{\"code\":\"REPORTED_STOLEN\",\"severity\":\"FAIL\"}")
                    // never the holder, their town or account, nor the evidence and places of other checks
                    .doesNotContain("Odile", "Martin", "Besançon", "acc-owner", "Lyon", "registry", "48.85", "sub-1");
        });
        assertThat(events.get(1).body()).contains("\"signals\":[\"REPORTED_STOLEN\",\"IMPOSSIBLE_TRAVEL\"]");
        // a redelivered event gives the same ids (hence no second delivery); another event other ids
        assertThat(WebhookEvents.of(stolen)).extracting(WebhookEvents.Outgoing::eventId)
                .isEqualTo(events.stream().map(WebhookEvents.Outgoing::eventId).toList());
        assertThat(WebhookEvents.of(check("evt-2", POLICE, "FAIL", stolen.reasons().toArray(CheckCompleted.Reason[]::new))))
                .extracting(WebhookEvents.Outgoing::eventId).doesNotContainAnyElementsOf(
                        events.stream().map(WebhookEvents.Outgoing::eventId).toList());
    }

    @Test
    void onlyWhatHappenedIsSent() {
        assertThat(WebhookEvents.of(check("e", POLICE, "OK", new CheckCompleted.Reason("INSURANCE_VALID", "INFO", "ok"))))
                .isEmpty();
        // a fraud code at INFO is no signal; a FAIL verdict without fraud is CHECK_FAILED only
        assertThat(WebhookEvents.of(check("e", POLICE, "FAIL", new CheckCompleted.Reason("INSURANCE_EXPIRED", "FAIL", "x"),
                        new CheckCompleted.Reason("VIN_MISMATCH", "INFO", "x"))))
                .extracting(WebhookEvents.Outgoing::type).containsExactly(WebhookEventType.CHECK_FAILED);
        assertThat(WebhookEvents.of(check("e", POLICE, "WARNING",
                        new CheckCompleted.Reason("ATTRIBUTES_COLOUR_MISMATCH", "WARNING", "x"))))
                .extracting(WebhookEvents.Outgoing::type).containsExactly(WebhookEventType.FRAUD_SIGNAL);
    }

    @Test
    void checksWithoutAnOrganisationGoNowhere() {
        var reason = new CheckCompleted.Reason("REPORTED_STOLEN", "FAIL", "x");
        assertThat(WebhookEvents.of(check("e", new CheckCompleted.Requester(null, null, "public", null), "FAIL", reason)))
                .isEmpty();
        assertThat(WebhookEvents.of(check("e", new CheckCompleted.Requester("o", "owner", "owner", null), "FAIL", reason)))
                .isEmpty();
        assertThat(WebhookEvents.of(check("e", new CheckCompleted.Requester("a", "admin", "admin", " "), "FAIL", reason)))
                .isEmpty();
    }

    @Test
    void expiryAlertsGoToThePlatformAndToACompanyHoldersOrganisation() {
        var company = new ExpiryAlertRaised("doc-1_7", Instant.parse("2026-12-01T05:15:00Z"), "doc-1", "KL-345-MN",
                DocumentType.INSPECTION, LocalDate.of(2026, 12, 8), 7, "COMPANY", "Loc'Auto  SA");
        var events = WebhookEvents.of(company);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(WebhookEventType.EXPIRY_ALERT);
            assertThat(e.organisationKeys()).containsExactly("autochec", "loc'auto sa");
            assertThat(e.body()).contains("\"alertId\":\"doc-1_7\"", "\"documentType\":\"INSPECTION\"",
                    "\"validUntil\":\"2026-12-08\"", "\"thresholdDays\":7", "\"plate\":\"KL-345-MN\"");
        });
        var person = new ExpiryAlertRaised("doc-2_30", Instant.EPOCH, "doc-2", "IJ-234-KL", DocumentType.INSURANCE,
                LocalDate.of(2026, 12, 21), 30, "PERSON", null);
        assertThat(WebhookEvents.of(person)).singleElement()
                .satisfies(e -> assertThat(e.organisationKeys()).containsExactly("autochec"));
    }

    @Test
    void backOffFollowsThePolicyWithJitterAndRepeatsItsLastStep() {
        List<Duration> steps = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2));
        for (int i = 0; i < 50; i++) {
            assertThat(WebhookSender.backoff(steps, 1)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
            assertThat(WebhookSender.backoff(steps, 2)).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
            assertThat(WebhookSender.backoff(steps, 9)).isBetween(Duration.ofSeconds(96), Duration.ofSeconds(144));
        }
    }
}
